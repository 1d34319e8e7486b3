using LeadLifecycle.LocalOrg.Query.Fetch;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// What a query asks for, for call recordings: its table and the root table's columns (null = all columns).
/// FetchXML is read with the engine's own safe parser; a query that cannot be read summarizes to nothing.
/// </summary>
public sealed record QuerySummary(string? Table, IReadOnlyList<string>? Columns)
{
    public static QuerySummary Of(QueryBase? query)
    {
        switch (query)
        {
            case QueryExpression expression: return new(expression.EntityName, ColumnsOf(expression.ColumnSet));
            case QueryByAttribute byAttribute: return new(byAttribute.EntityName, ColumnsOf(byAttribute.ColumnSet));
            case FetchExpression fetch:
                try
                {
                    var parsed = FetchXmlParser.Parse(fetch.Query).Expression;
                    return new(parsed.EntityName, ColumnsOf(parsed.ColumnSet));
                }
                catch (QueryFault)
                {
                    return new(null, null);
                }
            default: return new(null, null);
        }
    }

    private static IReadOnlyList<string>? ColumnsOf(ColumnSet? columns) => columns is null || columns.AllColumns ? null : columns.Columns.ToList();
}
