using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// One condition: attribute, operator, values. The documented pitfall
/// (https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-conditionexpression-class):
/// a string[] binds to the object[] overload and gives one value per element, while the same array typed as object
/// binds to the (string, operator, object) overload and becomes ONE value. Any other ICollection (List&lt;T&gt;, int[])
/// is spread into Values.
/// </summary>
[DataContract(Name = "ConditionExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class ConditionExpression : IExtensibleDataObject
{
    private DataCollection<object> _values = new DataCollection<object>();

    public ConditionExpression()
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        : this(null, attributeName, conditionOperator, false, new object[0])
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
        : this(null, attributeName, conditionOperator, false, new[] { value })
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(null, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        : this(null, attributeName, conditionOperator, false, ToArray(values))
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        : this(null, attributeName, conditionOperator, compareColumns, values)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
        : this(entityName, attributeName, conditionOperator, false, new object[0])
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
        : this(entityName, attributeName, conditionOperator, false, new[] { value })
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(entityName, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
    {
        EntityName = entityName;
        AttributeName = attributeName;
        Operator = conditionOperator;
        CompareColumns = compareColumns;
        if (values != null)
        {
            _values.AddRange(values);
        }
    }

    [DataMember(Order = 60)]
    public string EntityName { get; set; }

    [DataMember]
    public string AttributeName { get; set; }

    [DataMember]
    public ConditionOperator Operator { get; set; }

    [DataMember]
    public bool CompareColumns { get; set; }

    [DataMember]
    public DataCollection<object> Values
    {
        get => _values;
        private set => _values = value;
    }

    public ExtensionDataObject ExtensionData { get; set; }

    private static object[] ToArray(ICollection values)
    {
        if (values == null)
        {
            return null;
        }

        var array = new object[values.Count];
        values.CopyTo(array, 0);
        return array;
    }
}
