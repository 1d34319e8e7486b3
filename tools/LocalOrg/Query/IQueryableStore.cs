using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// The seam between the query engine and the local organization's store: the store decides which rows the
/// caller may see (committed data, security), the engine decides which of them a query returns and how.
/// </summary>
public interface IQueryableStore
{
    /// <summary>Rows of a table visible to the caller. The engine never mutates them.</summary>
    IEnumerable<Entity> Rows(string logicalName);

    /// <summary>The table's metadata, or null when the table is unknown.</summary>
    TableMetadataView? Table(string logicalName);
}
