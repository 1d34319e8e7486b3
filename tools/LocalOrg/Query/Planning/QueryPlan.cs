using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Planning;

/// <summary>
/// The tables of a QueryExpression resolved against metadata: the root, every link-entity with its alias
/// (given, or generated as Dataverse does: the linked table's name and a running number), checked column names.
/// </summary>
internal sealed class QueryPlan
{
    private readonly Dictionary<string, TableScope> _byAlias = new(StringComparer.Ordinal);
    private int _generatedAliases;

    private QueryPlan(TableScope root)
    {
        Root = root;
        Scopes.Add(root);
        _byAlias[root.Alias] = root;
    }

    public TableScope Root { get; }
    /// <summary>All scopes; a scope's index is its slot. Parents come before their children.</summary>
    public List<TableScope> Scopes { get; } = new();

    public static QueryPlan Build(QueryExpression query, IQueryableStore store)
    {
        if (string.IsNullOrEmpty(query.EntityName)) throw QueryFault.BadArgument("The query has no EntityName: say which table to query.");
        var root = new TableScope(Table(store, query.EntityName), query.EntityName, 0, null, null);
        var plan = new QueryPlan(root);
        foreach (var link in query.LinkEntities) plan.AddLink(root, link, store);
        return plan;
    }

    /// <summary>The scope a condition or order names (EntityName = an alias, or the linked table's name); null = the default.</summary>
    public TableScope Resolve(string? entityName, TableScope defaultScope)
    {
        if (string.IsNullOrEmpty(entityName)) return defaultScope;
        if (_byAlias.TryGetValue(entityName!, out var scope)) return scope;
        throw QueryFault.BadArgument($"No link-entity with the alias '{entityName}' in this query: a condition or order that names a table must use the alias of one of the query's link-entities.");
    }

    private void AddLink(TableScope parent, LinkEntity link, IQueryableStore store)
    {
        if (string.IsNullOrEmpty(link.LinkToEntityName)) throw QueryFault.BadArgument("A link-entity has no LinkToEntityName: say which table to join.");
        var table = Table(store, link.LinkToEntityName);
        var alias = string.IsNullOrEmpty(link.EntityAlias) ? link.LinkToEntityName + (++_generatedAliases) : link.EntityAlias;
        if (_byAlias.ContainsKey(alias)) throw QueryFault.BadArgument($"The alias '{alias}' is used twice in this query: give each link-entity its own alias.");
        var scope = new TableScope(table, alias, Scopes.Count, parent, link);
        parent.TypeOf(link.LinkFromAttributeName);
        scope.TypeOf(link.LinkToAttributeName);
        Scopes.Add(scope);
        parent.Children.Add(scope);
        _byAlias[alias] = scope;
        if (string.IsNullOrEmpty(link.EntityAlias) && !_byAlias.ContainsKey(link.LinkToEntityName)) _byAlias[link.LinkToEntityName] = scope;
        foreach (var child in link.LinkEntities) AddLink(scope, child, store);
    }

    private static TableMetadataView Table(IQueryableStore store, string logicalName) =>
        store.Table(logicalName) ?? throw QueryFault.NoEntity(logicalName);
}
