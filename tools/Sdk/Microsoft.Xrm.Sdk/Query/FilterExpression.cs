using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Conditions and nested filters joined by <see cref="FilterOperator"/> (And by default).</summary>
[DataContract(Name = "FilterExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FilterExpression : IExtensibleDataObject
{
    private DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
    private DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

    public FilterExpression()
    {
    }

    public FilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    [DataMember]
    public LogicalOperator FilterOperator { get; set; }

    [DataMember]
    public DataCollection<ConditionExpression> Conditions
    {
        get => _conditions;
        private set => _conditions = value;
    }

    [DataMember]
    public DataCollection<FilterExpression> Filters
    {
        get => _filters;
        private set => _filters = value;
    }

    [DataMember(Order = 51, EmitDefaultValue = false)]
    public bool IsQuickFindFilter { get; set; }

    [DataMember(Order = 82, EmitDefaultValue = false)]
    public string FilterHint { get; set; }

    [DataMember]
    public LinkEntity AnyAllFilterLinkEntity { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public void AddCondition(ConditionExpression condition)
    {
        Conditions.Add(condition);
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
    }

    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
    {
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
    {
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
    }

    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
    {
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
    }

    public void AddFilter(FilterExpression childFilter)
    {
        if (childFilter != null)
        {
            Filters.Add(childFilter);
        }
    }

    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var child = new FilterExpression(logicalOperator);
        Filters.Add(child);
        return child;
    }
}
