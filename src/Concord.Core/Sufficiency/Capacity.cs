namespace Concord.Core.Sufficiency;

/// <summary>One age band's specialist places needed against the places that serve it, in one year.</summary>
/// <param name="LocalPlaces">Places in provisions that are not bought, shared to this band in proportion to the years of their age range it covers.</param>
/// <param name="BoughtPlaces">Places bought at a fee (independent and non-maintained special schools, specialist post-16 institutions), shared the same way.</param>
public sealed record CapacityBand(AgeBand Band, decimal Demand, decimal LocalPlaces, decimal BoughtPlaces)
{
    /// <summary>Specialist places needed less local places: positive is a shortfall, negative a surplus.</summary>
    public decimal Gap => Demand - LocalPlaces;
}

/// <summary>One year's specialist places needed against the places there are on 1 September.</summary>
/// <param name="Demand">Specialist places needed, from the forecast.</param>
/// <param name="LocalPlaces">Places in provisions whose places are not bought one by one (special schools, resourced provision, units, AP).</param>
/// <param name="BoughtPlaces">Places bought at a fee (independent and non-maintained special schools, specialist post-16 institutions).</param>
public sealed record CapacityYear(int Year, decimal Demand, int LocalPlaces, int BoughtPlaces, IReadOnlyList<CapacityBand> ByBand)
{
    /// <summary>Specialist places needed less local places: positive is a shortfall to be met by bought places or new ones.</summary>
    public decimal Gap => Demand - LocalPlaces;
}

/// <summary>
/// The sufficiency gap: for each forecast year, the specialist places a council's children need against the places
/// in the provisions that serve them. Local places are those the councils commission (every kind but the bought ones);
/// bought places are shown beside them but do not close the gap, which is demand less local places (positive is a shortfall).
/// By age band, a provision's places are shared across the bands its age range covers in proportion to the years of
/// its range in each band: a school for ages 5 to 15 with 110 places has 6 of its 11 years in primary (60 places) and
/// 5 in secondary (50 places).
/// </summary>
public static class SufficiencyCapacity
{
    /// <param name="forecast">The council's forecast; each of its years is compared.</param>
    /// <param name="placesIn">
    /// The places serving the council's children in a forecast year, on 1 September of that year: for example
    /// <c>year =&gt; Scenario.Current(provisions, settings, new DateOnly(year, 9, 1))</c>, or a scenario's
    /// <see cref="Scenario.Apply"/>. The caller chooses whose registers count.
    /// </param>
    public static IReadOnlyList<CapacityYear> Compare(SufficiencyForecast forecast, Func<int, IReadOnlyList<PlanPlace>> placesIn)
    {
        var years = new List<CapacityYear>(forecast.Years.Count);
        foreach (var year in forecast.Years)
        {
            var places = placesIn(year.Year);
            var local = places.Where(p => !p.Kind.IsBought()).ToList();
            var bought = places.Where(p => p.Kind.IsBought()).ToList();
            var localByBand = Share(local);
            var boughtByBand = Share(bought);
            years.Add(new CapacityYear(
                year.Year,
                year.SpecialistPlaces,
                local.Sum(p => p.Places),
                bought.Sum(p => p.Places),
                AgeBands.All.Select(b => new CapacityBand(b, year.SpecialistByBand.GetValueOrDefault(b), localByBand[b], boughtByBand[b])).ToList()));
        }

        return years;
    }

    /// <summary>
    /// A provision's places shared across the age bands its range covers, in proportion to the years of its range in each
    /// (ages counted whole: 5 to 15 is 11 years). The shares add up to its places.
    /// </summary>
    public static IReadOnlyDictionary<AgeBand, decimal> ByBand(PlanPlace place)
    {
        var years = place.AgeTo - place.AgeFrom + 1;
        return AgeBands.All.ToDictionary(b => b, b =>
        {
            var (from, to) = b.Ages();
            var overlap = Math.Max(0, Math.Min(to, place.AgeTo) - Math.Max(from, place.AgeFrom) + 1);
            return years > 0 ? (decimal)place.Places * overlap / years : 0m;
        });
    }

    private static Dictionary<AgeBand, decimal> Share(IEnumerable<PlanPlace> places)
    {
        var byBand = AgeBands.All.ToDictionary(b => b, _ => 0m);
        foreach (var place in places)
        {
            foreach (var (band, share) in ByBand(place))
            {
                byBand[band] += share;
            }
        }

        return byBand;
    }
}
