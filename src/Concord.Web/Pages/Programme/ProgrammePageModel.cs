using Concord.Web.Programme;

namespace Concord.Web.Pages.Programme;

/// <summary>A page inside one partnership's programme: it knows the programme, its partnership and its councils.</summary>
public abstract class ProgrammePageModel(ProgrammeReader reader) : ConcordPageModel
{
    protected ProgrammeReader Reader { get; } = reader;

    public ProgrammeView View { get; private set; } = default!;

    /// <summary>Which tab of the programme's sub-navigation this page belongs to.</summary>
    public virtual string Section => "Overview";

    protected async Task<bool> LoadPartnershipAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var view = await Reader.ForPartnershipAsync(partnershipId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    protected async Task<bool> LoadProgrammeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var view = await Reader.ForProgrammeAsync(programmeId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
