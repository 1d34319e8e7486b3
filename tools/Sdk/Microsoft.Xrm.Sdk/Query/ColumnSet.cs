using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The columns to return. A new ColumnSet returns no columns (AllColumns false, Columns empty).</summary>
[DataContract(Name = "ColumnSet", Namespace = ContractNamespaces.Xrm2011)]
public sealed class ColumnSet : IExtensibleDataObject
{
    private DataCollection<string> _columns = new DataCollection<string>();
    private DataCollection<XrmAttributeExpression> _attributeExpressions = new DataCollection<XrmAttributeExpression>();

    public ColumnSet()
    {
    }

    public ColumnSet(bool allColumns)
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
    {
        AddColumns(columns);
    }

    [DataMember]
    public bool AllColumns { get; set; }

    [DataMember]
    public DataCollection<string> Columns
    {
        get => _columns;
        set => _columns = value;
    }

    [DataMember]
    public DataCollection<XrmAttributeExpression> AttributeExpressions
    {
        get => _attributeExpressions;
        set => _attributeExpressions = value;
    }

    public bool HasLazyFileAttribute { get; set; }

    public string LazyFileAttributeEntityName { get; set; }

    public string LazyFileAttributeKey { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    public int LazyFileAttributeSizeLimit { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public void AddColumn(string column)
    {
        Columns.Add(column);
    }

    public void AddColumns(params string[] columns)
    {
        Columns.AddRange(columns);
    }
}
