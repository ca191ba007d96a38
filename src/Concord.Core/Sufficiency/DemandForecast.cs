namespace Concord.Core.Sufficiency;

/// <summary>
/// A council's EHC plans at January of a year (the SEN2 stock, as DfE's LAIT indicator
/// SEN_CASES_JAN gives it) with its population aged 0 to 25 that year (ONS).
/// </summary>
public sealed record PrevalencePoint(int Year, int Plans, int Population0To25)
{
    /// <summary>EHC plans per 1,000 people aged 0 to 25: Plans ÷ Population0To25 × 1,000.</summary>
    public decimal PerThousand => Population0To25 > 0 ? Plans * 1000m / Population0To25 : 0m;
}

/// <summary>
/// What a demand forecast for one council needs, all passed in by the caller.
/// </summary>
/// <param name="AreaCode">The council's ONS code.</param>
/// <param name="PopulationYear">The year of <paramref name="PopulationByAge"/> (mid-2020, or Census 2021).</param>
/// <param name="PopulationByAge">
/// People of each single year of age from 0, as ONS publishes them: at least ages 0 to 25, at most 0 to 90,
/// where the 91st entry is ONS's "90 and over".
/// </param>
/// <param name="History">EHC plans and population aged 0 to 25 by year, one point a year.</param>
/// <param name="FitFrom">First year of the trend's fit (the SEN2 years with a stock: 2015 by default).</param>
/// <param name="FitTo">Last year of the trend's fit (2022 by default).</param>
/// <param name="FirstYear">The first year forecast: the base year whose plans follow the council's age mix exactly.</param>
/// <param name="Years">How many years to forecast, from <paramref name="FirstYear"/>.</param>
/// <param name="Settings">The council's need mix, age mix and specialist shares.</param>
/// <param name="Growth">
/// When given, the change in EHC plans per 1,000 aged 0 to 25 a year, replacing the fitted slope
/// (from a scenario: <see cref="Scenario.GrowthFor"/>); null keeps the fitted trend.
/// </param>
/// <param name="FromLatest">
/// Whether the trend's line is moved, keeping its growth, to pass through the latest year of the history,
/// so that the forecast starts from the latest real count (as Concord's pages do); false keeps the fitted line.
/// </param>
public sealed record ForecastInput(
    string AreaCode,
    int PopulationYear,
    IReadOnlyList<int> PopulationByAge,
    IReadOnlyList<PrevalencePoint> History,
    int FitFrom,
    int FitTo,
    int FirstYear,
    int Years,
    SufficiencySettings Settings,
    decimal? Growth = null,
    bool FromLatest = false)
{
    /// <summary>The first year of the default fit: the SEN2 return has had a January stock of EHC plans since 2015.</summary>
    public const int DefaultFitFrom = 2015;

    /// <summary>The last year of the default fit (the SEN2 series 2014 to 2022).</summary>
    public const int DefaultFitTo = 2022;
}

/// <summary>
/// The straight line through EHC plans per 1,000 aged 0 to 25 by year: value(year) = Intercept + Slope × year,
/// never below 0. <see cref="FittedSlope"/> and <see cref="FittedIntercept"/> are the least-squares fit;
/// when growth is overridden, <see cref="Slope"/> is the given growth and the line passes through the fitted
/// value in the last fitted year.
/// </summary>
/// <param name="Slope">The growth in use: EHC plans per 1,000 aged 0 to 25, change a year.</param>
/// <param name="Intercept">The line's value in year 0 (the formula's constant).</param>
/// <param name="RSquared">How much of the fitted years' variation the fitted line explains (0 to 1); 1 when every year had the same prevalence.</param>
/// <param name="FittedYears">The years the line was fitted to.</param>
/// <param name="Overridden">Whether the growth was set rather than fitted.</param>
public sealed record PrevalenceTrend(
    decimal Slope,
    decimal Intercept,
    decimal RSquared,
    IReadOnlyList<int> FittedYears,
    bool Overridden,
    decimal FittedSlope,
    decimal FittedIntercept)
{
    /// <summary>EHC plans per 1,000 aged 0 to 25 in a year on this line, never below 0.</summary>
    public decimal PerThousandIn(int year) => Math.Max(0m, Intercept + (Slope * year));

    /// <summary>
    /// Fits a straight line by ordinary least squares to the prevalence of each year of
    /// <paramref name="history"/> from <paramref name="from"/> to <paramref name="to"/>:
    /// slope = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)², intercept = ȳ − slope × x̄, r² = (Σ(x − x̄)(y − ȳ))² ÷ (Σ(x − x̄)² × Σ(y − ȳ)²).
    /// Refused unless at least two years fall in the range.
    /// </summary>
    public static PrevalenceTrend Fit(IReadOnlyList<PrevalencePoint> history, int from, int to)
    {
        var checks = new Checks();
        CheckHistory(checks, history, from, to);
        checks.ThrowIfAny();

        var points = history.Where(p => p.Year >= from && p.Year <= to).OrderBy(p => p.Year).ToList();
        var meanX = points.Sum(p => (decimal)p.Year) / points.Count;
        var meanY = points.Sum(p => p.PerThousand) / points.Count;
        decimal sxx = 0, sxy = 0, syy = 0;
        foreach (var point in points)
        {
            var (dx, dy) = (point.Year - meanX, point.PerThousand - meanY);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        var rSquared = syy == 0 ? 1m : sxy * sxy / (sxx * syy);
        return new PrevalenceTrend(slope, intercept, rSquared, points.Select(p => p.Year).ToList(), false, slope, intercept);
    }

    /// <summary>The year whose real figure the line was moved through (<see cref="From"/>); null when it is the fitted line.</summary>
    public int? StartsFrom { get; init; }

    /// <summary>
    /// The line with the same growth moved to pass through a real year's figure: a forecast then
    /// starts from the latest count rather than from where the fitted years pointed.
    /// </summary>
    public PrevalenceTrend From(PrevalencePoint latest) =>
        this with { Intercept = latest.PerThousand - (Slope * latest.Year), StartsFrom = latest.Year };

    /// <summary>The line with its slope replaced by <paramref name="growth"/>, through the fitted value in the last fitted year.</summary>
    public PrevalenceTrend WithGrowth(decimal growth)
    {
        var anchor = FittedYears[^1];
        var value = FittedIntercept + (FittedSlope * anchor);
        return this with { Slope = growth, Intercept = value - (growth * anchor), Overridden = true };
    }

    internal static void CheckHistory(Checks checks, IReadOnlyList<PrevalencePoint> history, int from, int to)
    {
        checks.Require(from <= to, "FitFrom", $"The trend's first year ({from}) must not be after its last ({to})");
        checks.Require(history.Select(p => p.Year).Distinct().Count() == history.Count, "History", "Give each year of EHC plans once");
        foreach (var point in history)
        {
            checks.Require(point.Plans >= 0, "History", $"EHC plans in {point.Year} cannot be negative");
            checks.Require(point.Population0To25 > 0, "History", $"The population aged 0 to 25 in {point.Year} must be more than 0");
        }

        checks.Require(history.Select(p => p.Year).Distinct().Count(y => y >= from && y <= to) >= 2, "History",
            $"The trend needs EHC plans in at least two years from {from} to {to}");
    }
}

/// <summary>One forecast year: population, prevalence, EHC plans, and the specialist places they need, by age band and need.</summary>
/// <param name="PopulationByBand">People in each age band that year, aged forward from the base population.</param>
/// <param name="SpecialistByBandAndNeed">Specialist places needed, by age band, then by primary need.</param>
public sealed record ForecastYear(
    int Year,
    int Population0To25,
    IReadOnlyDictionary<AgeBand, int> PopulationByBand,
    decimal PrevalencePer1000,
    decimal Plans,
    IReadOnlyDictionary<AgeBand, decimal> PlansByBand,
    IReadOnlyDictionary<NeedType, decimal> PlansByNeed,
    decimal SpecialistPlaces,
    IReadOnlyDictionary<AgeBand, decimal> SpecialistByBand,
    IReadOnlyDictionary<NeedType, decimal> SpecialistByNeed,
    IReadOnlyDictionary<AgeBand, IReadOnlyDictionary<NeedType, decimal>> SpecialistByBandAndNeed);

/// <summary>A council's forecast of EHC plans and specialist places: the trend it follows and each year's figures.</summary>
/// <param name="BaseYear">The year the council's age mix holds exactly (the first forecast year).</param>
public sealed record SufficiencyForecast(string AreaCode, PrevalenceTrend Trend, int BaseYear, IReadOnlyList<ForecastYear> Years)
{
    public ForecastYear? For(int year) => Years.FirstOrDefault(y => y.Year == year);
}

/// <summary>One held-out year of a backtest: the plans there were, the plans the trend predicted, and the error (predicted − actual).</summary>
/// <param name="PercentageError">The error as a percentage of the actual plans; null when there were none.</param>
public sealed record BacktestYear(int Year, int Actual, decimal Predicted, decimal Error, decimal? PercentageError);

/// <summary>How well a trend fitted on earlier years predicted later ones.</summary>
/// <param name="MeanAbsolutePercentageError">The mean of the years' absolute percentage errors (MAPE), in per cent; null when no year had plans.</param>
/// <param name="MeanAbsoluteError">The mean of the years' absolute errors, in EHC plans.</param>
public sealed record BacktestResult(PrevalenceTrend Trend, IReadOnlyList<BacktestYear> Years, decimal? MeanAbsolutePercentageError, decimal MeanAbsoluteError);

/// <summary>
/// Forecasts a council's EHC plans and the specialist places they need, from its history of plans
/// and its population. The method, in order:
/// <list type="number">
/// <item><description>Prevalence: for each year of history, EHC plans per 1,000 aged 0 to 25 = plans ÷ population 0 to 25 × 1,000.</description></item>
/// <item><description>Trend: a straight line fitted by ordinary least squares to the prevalence of the years FitFrom to FitTo
/// (by default 2015 to 2022, the SEN2 years with a January stock); its slope is the growth a year, and r² says how well it fits.
/// A growth given by the caller replaces the slope, the line then passing through the fitted value of the last fitted year.
/// Prevalence is never below 0.</description></item>
/// <item><description>Population: the population by single year of age is aged forward from its year: each year, everyone
/// moves up one year of age (age a + 1 next year = age a this year), the "90 and over" group gathers those reaching 90,
/// and age 0 is held at its latest count. There is no migration and no mortality.</description></item>
/// <item><description>Plans in a year = prevalence that year ÷ 1,000 × population 0 to 25 that year.</description></item>
/// <item><description>By age band: the council's age mix (its share of plans in each band) holds in the base year (the first
/// forecast year); each band's rate of plans per head of its population is fixed there
/// (rate = share × plans in the base year ÷ the band's population in the base year) and moves with prevalence;
/// then each year's bands are scaled so that they add up to that year's plans. As prevalence moves every band alike,
/// it cancels in the scaling: a band's share of a year's plans is its age-mix share × (its population that year ÷ its
/// population in the base year), scaled to add up to 1.</description></item>
/// <item><description>By need: each band's plans × the council's need mix (the same in every band, its shares scaled to add up to 100%).</description></item>
/// <item><description>Specialist places needed: plans by band and need × the share of that need whose plans name a specialist place.</description></item>
/// </list>
/// Figures stay as decimals; <see cref="WholeNumbers"/> rounds them for display so that parts add up to their rounded total.
/// </summary>
public static class DemandForecast
{
    /// <summary>The age of ONS's open-ended "90 and over" group: the 91st entry of a population by single year of age.</summary>
    public const int OpenEndedAge = 90;

    public static SufficiencyForecast Forecast(ForecastInput input)
    {
        Check(input);
        var trend = PrevalenceTrend.Fit(input.History, input.FitFrom, input.FitTo);
        if (input.Growth is { } growth)
        {
            trend = trend.WithGrowth(growth);
        }

        if (input.FromLatest && input.History.Count > 0)
        {
            trend = trend.From(input.History.MaxBy(p => p.Year)!);
        }

        var settings = input.Settings;
        var ageMix = AgeBands.All.ToDictionary(b => b, settings.ShareOf);
        var needTotal = Needs.All.Sum(settings.ShareOf);
        var needShare = Needs.All.ToDictionary(n => n, n => settings.ShareOf(n) / needTotal);
        var basePopulation = ByBand(AgeForward(input.PopulationByAge, input.FirstYear - input.PopulationYear));

        var years = new List<ForecastYear>(input.Years);
        for (var year = input.FirstYear; year < input.FirstYear + input.Years; year++)
        {
            var population = ByBand(AgeForward(input.PopulationByAge, year - input.PopulationYear));
            var population0To25 = population.Values.Sum();
            var prevalence = trend.PerThousandIn(year);
            var plans = prevalence * population0To25 / 1000m;

            var weights = AgeBands.All.ToDictionary(b => b, b => basePopulation[b] > 0 ? ageMix[b] * population[b] / basePopulation[b] : 0m);
            if (weights.Values.Sum() == 0)
            {
                weights = ageMix;
            }

            var weightTotal = weights.Values.Sum();
            var plansByBand = AgeBands.All.ToDictionary(b => b, b => plans * weights[b] / weightTotal);
            var specialist = AgeBands.All.ToDictionary(
                b => b,
                b => (IReadOnlyDictionary<NeedType, decimal>)Needs.All.ToDictionary(n => n, n => plansByBand[b] * needShare[n] * settings.SpecialistShareOf(n) / 100m));

            years.Add(new ForecastYear(
                year,
                population0To25,
                population,
                prevalence,
                plans,
                plansByBand,
                Needs.All.ToDictionary(n => n, n => plans * needShare[n]),
                specialist.Values.Sum(s => s.Values.Sum()),
                AgeBands.All.ToDictionary(b => b, b => specialist[b].Values.Sum()),
                Needs.All.ToDictionary(n => n, n => AgeBands.All.Sum(b => specialist[b][n])),
                specialist));
        }

        return new SufficiencyForecast(input.AreaCode, trend, input.FirstYear, years);
    }

    /// <summary>
    /// A population by single year of age <paramref name="years"/> years on: each year everyone moves up a year of age,
    /// age 0 is held at its count, and a list that reaches age 90 keeps everyone reaching 90 in its last ("90 and over")
    /// entry; a shorter list loses those who age past its last age. No migration, no mortality.
    /// </summary>
    public static IReadOnlyList<int> AgeForward(IReadOnlyList<int> byAge, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        var ages = byAge.ToArray();
        var openEnded = ages.Length == OpenEndedAge + 1;
        for (var step = 0; step < years; step++)
        {
            var last = ages[^1];
            for (var age = ages.Length - 1; age >= 1; age--)
            {
                ages[age] = ages[age - 1];
            }

            if (openEnded)
            {
                ages[^1] += last;
            }
        }

        // ages[0] is never shifted into: births are held at the latest count.
        return ages;
    }

    /// <summary>
    /// Fits the trend on the years <paramref name="trainFrom"/> to <paramref name="trainTo"/> and predicts the plans of each
    /// year of <paramref name="history"/> from <paramref name="testFrom"/> to <paramref name="testTo"/> from that year's real
    /// population aged 0 to 25: predicted = trend ÷ 1,000 × population. Reports each year's error (predicted − actual) and
    /// percentage error (error ÷ actual × 100), their mean absolute percentage error (MAPE) and mean absolute error.
    /// Used by default with training years 2015 to 2019 and test years 2020 to 2022, inside the SEN2 series.
    /// </summary>
    public static BacktestResult Backtest(IReadOnlyList<PrevalencePoint> history, int trainFrom, int trainTo, int testFrom, int testTo)
    {
        var checks = new Checks();
        checks.Require(testFrom <= testTo, "TestFrom", $"The test's first year ({testFrom}) must not be after its last ({testTo})");
        checks.Require(history.Any(p => p.Year >= testFrom && p.Year <= testTo), "History", $"There are no EHC plans to test against from {testFrom} to {testTo}");
        checks.ThrowIfAny();

        var trend = PrevalenceTrend.Fit(history, trainFrom, trainTo);
        var years = history.Where(p => p.Year >= testFrom && p.Year <= testTo).OrderBy(p => p.Year).Select(p =>
        {
            var predicted = trend.PerThousandIn(p.Year) * p.Population0To25 / 1000m;
            var error = predicted - p.Plans;
            return new BacktestYear(p.Year, p.Plans, predicted, error, p.Plans > 0 ? error / p.Plans * 100m : null);
        }).ToList();

        var percentages = years.Where(y => y.PercentageError is not null).Select(y => Math.Abs(y.PercentageError!.Value)).ToList();
        return new BacktestResult(trend, years, percentages.Count > 0 ? percentages.Average() : null, years.Average(y => Math.Abs(y.Error)));
    }

    private static Dictionary<AgeBand, int> ByBand(IReadOnlyList<int> byAge) =>
        AgeBands.All.ToDictionary(b => b, b => Enumerable.Range(b.Ages().From, b.Ages().To - b.Ages().From + 1).Sum(age => byAge[age]));

    private static void Check(ForecastInput input)
    {
        var checks = new Checks();
        checks.Require(input.PopulationByAge.Count is > AgeBands.OldestAge and <= OpenEndedAge + 1, "PopulationByAge",
            $"Give the population by single year of age from 0 to at least {AgeBands.OldestAge} (and at most to {OpenEndedAge} and over)");
        checks.Require(input.PopulationByAge.All(p => p >= 0), "PopulationByAge", "The population at each age cannot be negative");
        PrevalenceTrend.CheckHistory(checks, input.History, input.FitFrom, input.FitTo);
        checks.Require(input.Years is >= 1 and <= 60, "Years", "Forecast from 1 to 60 years");
        checks.Require(input.FirstYear >= input.PopulationYear, "FirstYear",
            $"The forecast cannot start ({input.FirstYear}) before the year of its population ({input.PopulationYear}): the population is only aged forward");
        checks.Require(input.Growth is null or (>= -50 and <= 50), "Growth", "Give the growth in EHC plans per 1,000 aged 0 to 25 a year, from -50 to 50");
        checks.Require(AgeBands.All.Sum(input.Settings.ShareOf) > 0, "Settings", "The council's age mix gives no band any share of EHC plans");
        checks.Require(Needs.All.Sum(input.Settings.ShareOf) > 0, "Settings", "The council's need mix gives no need any share of EHC plans");
        checks.ThrowIfAny();
    }
}

/// <summary>Whole numbers from decimals, so that the parts always add up to their total (the largest-remainder method).</summary>
public static class WholeNumbers
{
    /// <summary>
    /// Splits a whole <paramref name="total"/> in proportion to <paramref name="weights"/>: each part rounded down, then the
    /// units left over one each to the parts with the largest remainders (ties to the earlier part), as <see cref="Finance.Money.Allocate"/>
    /// splits pence. Parts with no weight get nothing; a total of 0 gives all zeros.
    /// </summary>
    public static int[] Split(int total, IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (total == 0 || weights.Count == 0 || weights.All(w => w == 0))
        {
            return total == 0 ? new int[weights.Count] : throw new ArgumentException("There is nothing to split the total between.", nameof(weights));
        }

        // Money.Allocate splits whole pence: a total of n pence is n units.
        return Finance.Money.Allocate(total / 100m, weights).Select(p => (int)(p * 100m)).ToArray();
    }

    /// <summary>
    /// Non-negative decimals rounded to whole numbers that add up to their sum rounded (halves away from zero), for display:
    /// each rounded down, then one more to each of those with the largest remainders (ties to the earlier) until they add up.
    /// </summary>
    public static IReadOnlyDictionary<TKey, int> Round<TKey>(IReadOnlyDictionary<TKey, decimal> values)
        where TKey : notnull
    {
        var keys = values.Keys.ToList();
        var exact = keys.Select(k => Math.Max(0m, values[k])).ToList();
        var parts = exact.Select(v => (int)Math.Floor(v)).ToArray();
        var left = Whole(exact.Sum()) - parts.Sum();
        foreach (var index in exact.Select((v, i) => (Remainder: v - parts[i], Index: i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Take(left).Select(x => x.Index))
        {
            parts[index]++;
        }

        return keys.Select((k, i) => (k, parts[i])).ToDictionary(x => x.k, x => x.Item2);
    }

    /// <summary>A figure rounded to a whole number for display (halves away from zero).</summary>
    public static int Whole(decimal value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rounds a table of non-negative decimals to whole numbers whose rows add up to <paramref name="rowTotals"/> and, where it
    /// can, columns to <paramref name="columnTotals"/> (controlled rounding). Each cell is its decimal rounded down or up, those
    /// with the largest remainders rounded up first, as far as the totals allow (found as a flow: a row gives each of its cells at
    /// most one unit more than its whole part, and a column takes what its total still needs). The rows always meet their totals.
    /// Should no such rounding exist (small tables can make independently rounded column totals unreachable), it settles, in
    /// turn, for columns no more than their exact sums rounded up; then cells moving further, within their caps; then any columns.
    /// </summary>
    internal static int[,] Table(decimal[,] exact, IReadOnlyList<int> rowTotals, IReadOnlyList<int> columnTotals, int[,]? caps = null)
    {
        var (rows, columns) = (exact.GetLength(0), exact.GetLength(1));
        var table = new int[rows, columns];
        var nodes = rows + columns + 2;
        var (source, sink) = (0, nodes - 1);
        var capacity = new int[nodes, nodes];
        var flow = new int[nodes, nodes];
        int Cap(int r, int c) => caps?[r, c] ?? int.MaxValue / 4;

        var remainders = new List<(decimal Remainder, int Row, int Column)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                table[r, c] = Math.Min((int)Math.Floor(exact[r, c]), Cap(r, c));
                var up = exact[r, c] > table[r, c] && table[r, c] < Cap(r, c) ? 1 : 0;
                capacity[1 + r, 1 + rows + c] = up;
                if (up == 1)
                {
                    remainders.Add((exact[r, c] - table[r, c], r, c));
                }
            }
        }

        var needed = 0;
        for (var r = 0; r < rows; r++)
        {
            var rowNeed = rowTotals[r] - Enumerable.Range(0, columns).Sum(c => table[r, c]);
            capacity[source, 1 + r] = Math.Max(0, rowNeed);
            needed += Math.Max(0, rowNeed);
        }

        for (var c = 0; c < columns; c++)
        {
            capacity[1 + rows + c, sink] = Math.Max(0, columnTotals[c] - Enumerable.Range(0, rows).Sum(r => table[r, c]));
        }

        void Push(IReadOnlyList<int> path)
        {
            for (var i = 0; i + 1 < path.Count; i++)
            {
                flow[path[i], path[i + 1]]++;
                flow[path[i + 1], path[i]]--;
            }
        }

        // The largest remainders first, where the row and the column still need a unit.
        var sent = 0;
        foreach (var (_, r, c) in remainders.OrderByDescending(x => x.Remainder).ThenBy(x => x.Row).ThenBy(x => x.Column))
        {
            var (row, column) = (1 + r, 1 + rows + c);
            if (flow[source, row] < capacity[source, row] && flow[column, sink] < capacity[column, sink])
            {
                Push([source, row, column, sink]);
                sent++;
            }
        }

        sent += Augment(capacity, flow, source, sink, needed - sent);
        if (sent < needed)
        {
            for (var c = 0; c < columns; c++)
            {
                var ceiling = (int)Math.Ceiling(Enumerable.Range(0, rows).Sum(r => exact[r, c])) - Enumerable.Range(0, rows).Sum(r => table[r, c]);
                capacity[1 + rows + c, sink] = Math.Max(capacity[1 + rows + c, sink], ceiling);
            }

            sent += Augment(capacity, flow, source, sink, needed - sent);
        }

        if (sent < needed)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    capacity[1 + r, 1 + rows + c] = exact[r, c] > 0 ? Math.Max(capacity[1 + r, 1 + rows + c], Cap(r, c) - table[r, c]) : 0;
                }
            }

            sent += Augment(capacity, flow, source, sink, needed - sent);
        }

        if (sent < needed)
        {
            for (var c = 0; c < columns; c++)
            {
                capacity[1 + rows + c, sink] = int.MaxValue / 4;
            }

            sent += Augment(capacity, flow, source, sink, needed - sent);
        }

        if (sent < needed)
        {
            throw new InvalidOperationException("The rows' totals cannot be met within the cells' caps.");
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                table[r, c] += flow[1 + r, 1 + rows + c];
            }
        }

        return table;
    }

    /// <summary>Sends up to <paramref name="wanted"/> more units along shortest augmenting paths (Edmonds–Karp); returns how many it sent.</summary>
    private static int Augment(int[,] capacity, int[,] flow, int source, int sink, int wanted)
    {
        var nodes = capacity.GetLength(0);
        var sent = 0;
        while (sent < wanted)
        {
            var previous = new int[nodes];
            Array.Fill(previous, -1);
            previous[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && previous[sink] < 0)
            {
                var node = queue.Dequeue();
                for (var next = 0; next < nodes; next++)
                {
                    if (previous[next] < 0 && capacity[node, next] - flow[node, next] > 0)
                    {
                        previous[next] = node;
                        queue.Enqueue(next);
                    }
                }
            }

            if (previous[sink] < 0)
            {
                break;
            }

            var bottleneck = wanted - sent;
            for (var node = sink; node != source; node = previous[node])
            {
                bottleneck = Math.Min(bottleneck, capacity[previous[node], node] - flow[previous[node], node]);
            }

            for (var node = sink; node != source; node = previous[node])
            {
                flow[previous[node], node] += bottleneck;
                flow[node, previous[node]] -= bottleneck;
            }

            sent += bottleneck;
        }

        return sent;
    }
}
