using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>The smallest store the query engine runs over: a few standard tables and the rows a test arranges.</summary>
internal sealed class InMemoryQueryableStore : IQueryableStore
{
    private readonly Dictionary<string, TableMetadataView> _tables = new();
    private readonly Dictionary<string, List<Entity>> _rows = new();

    public InMemoryQueryableStore()
    {
        Define("contact", "contactid", new()
        {
            ["contactid"] = ColumnType.PrimaryKey, ["fullname"] = ColumnType.String, ["firstname"] = ColumnType.String,
            ["emailaddress1"] = ColumnType.String, ["parentcustomerid"] = ColumnType.Customer, ["statecode"] = ColumnType.State,
            ["customertypecode"] = ColumnType.Picklist, ["birthdate"] = ColumnType.DateTime, ["modifiedon"] = ColumnType.DateTime,
            ["ownerid"] = ColumnType.Owner, ["llc_relationshiproles"] = ColumnType.MultiSelectPicklist, ["numberofchildren"] = ColumnType.Integer,
            ["donotemail"] = ColumnType.Boolean, ["creditlimit"] = ColumnType.Money,
        });
        Define("account", "accountid", new()
        {
            ["accountid"] = ColumnType.PrimaryKey, ["name"] = ColumnType.String, ["revenue"] = ColumnType.Money,
            ["primarycontactid"] = ColumnType.Lookup, ["industrycode"] = ColumnType.Picklist, ["numberofemployees"] = ColumnType.Integer,
        });
        Define("lead", "leadid", new()
        {
            ["leadid"] = ColumnType.PrimaryKey, ["subject"] = ColumnType.String, ["parentcontactid"] = ColumnType.Lookup,
            ["parentaccountid"] = ColumnType.Lookup, ["statecode"] = ColumnType.State, ["statuscode"] = ColumnType.Status,
            ["llc_score"] = ColumnType.Integer, ["createdon"] = ColumnType.DateTime, ["leadqualitycode"] = ColumnType.Picklist,
            ["budgetamount"] = ColumnType.Money, ["ownerid"] = ColumnType.Owner,
        });
    }

    public InMemoryQueryableStore With(params Entity[] rows)
    {
        foreach (var row in rows)
        {
            if (!_rows.TryGetValue(row.LogicalName, out var list)) _rows[row.LogicalName] = list = new List<Entity>();
            list.Add(row);
        }
        return this;
    }

    public void Remove(Entity row) => _rows[row.LogicalName].Remove(row);

    public IEnumerable<Entity> Rows(string logicalName) => _rows.TryGetValue(logicalName, out var list) ? list : Enumerable.Empty<Entity>();

    public TableMetadataView? Table(string logicalName) => _tables.TryGetValue(logicalName, out var table) ? table : null;

    private void Define(string name, string primaryId, Dictionary<string, ColumnType> columns) =>
        _tables[name] = new TableMetadataView(name, primaryId, columns);
}
