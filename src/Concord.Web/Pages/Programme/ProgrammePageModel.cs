using Concord.Core;
using Concord.Core.Programme;
using Concord.Web.Programme;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// For a page that adds a record to the programme (at /programme/{partnershipId}/.../new) or
    /// changes one (at its own address, /.../{id}/edit): loads the programme, and the record when
    /// there is an id. Not found when either is missing, or hidden from the council worked for.
    /// </summary>
    protected async Task<(bool Found, T? Record)> LoadNewOrExistingAsync<T>(Guid? partnershipId, Guid? id, IQueryable<T> records, CancellationToken cancellationToken)
        where T : Entity, IProgrammeRecord
    {
        if (id is null)
        {
            return (await LoadPartnershipAsync(partnershipId ?? Guid.Empty, cancellationToken), null);
        }

        var record = await records.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is not null && await LoadProgrammeAsync(record.ProgrammeId, cancellationToken) ? (true, record) : (false, null);
    }

    /// <summary>Loads an option and its programme; null when either is missing or hidden from the council worked for.</summary>
    protected async Task<Option?> LoadOptionAsync(Guid id, CancellationToken cancellationToken)
    {
        var option = await Reader.OptionAsync(id, cancellationToken);
        return option is not null && await LoadProgrammeAsync(option.ProgrammeId, cancellationToken) ? option : null;
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
