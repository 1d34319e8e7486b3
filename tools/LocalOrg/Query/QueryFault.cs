namespace LeadLifecycle.LocalOrg.Query;

/// <summary>
/// A query the platform refuses. Message and ErrorCode are those Dataverse reports in its OrganizationServiceFault,
/// so the local organization can surface them unchanged.
/// </summary>
public sealed class QueryFault : Exception
{
    /// <summary>0x80041103: a column the table does not have.</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
    /// <summary>0x80041102: a table the organization does not have.</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
    /// <summary>0x80040203: invalid argument (bad value, wrong number of values).</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);
    /// <summary>0x80040216: a query feature the local organization does not support.</summary>
    public const int NotSupported = unchecked((int)0x80040216);

    public QueryFault(int errorCode, string message, Exception? inner = null) : base(message, inner)
    {
        ErrorCode = errorCode;
    }

    public int ErrorCode { get; }

    internal static QueryFault NoAttribute(string table, string column) =>
        new(QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    internal static QueryFault NoEntity(string table) =>
        new(QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    internal static QueryFault BadArgument(string message) => new(InvalidArgument, message);

    internal static QueryFault BadFetchXml(string message, Exception? inner = null) => new(InvalidArgument, message, inner);

    internal static QueryFault Unsupported(string message) => new(NotSupported, message);
}
