namespace LeadLifecycle.LocalOrg.Security;

/// <summary>
/// The eight record-level privileges of every table (learn.microsoft.com "How access to a record is determined" and
/// "Security roles and privileges", power-platform/admin). The privilege of a table is named prv + verb + the table's
/// privilege name (prvCreatelead... for solution tables, prvReadLead, prvAppendToContact, prvCreateActivity for every
/// activity table); <see cref="TableSecurity"/> knows each table's name.
/// </summary>
public enum AccessRight
{
    Create,
    Read,
    Write,
    Delete,
    Append,
    AppendTo,
    Assign,
    Share,
}

internal static class AccessRights
{
    public static readonly IReadOnlyList<AccessRight> All = new[]
    {
        AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Delete,
        AccessRight.Append, AccessRight.AppendTo, AccessRight.Assign, AccessRight.Share,
    };

    /// <summary>The verb in the privilege name: prv<b>AppendTo</b>Contact.</summary>
    public static string Verb(this AccessRight right) => right.ToString();

    /// <summary>The name the access-check fault gives the right (AccessRights enum of the SDK: ReadAccess, AppendToAccess...).</summary>
    public static string AccessName(this AccessRight right) => right + "Access";
}
