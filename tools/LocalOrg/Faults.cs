using System.Globalization;

namespace LeadLifecycle.LocalOrg;

/// <summary>Every platform error the local organization raises, with the message and code Dataverse uses, in one place.</summary>
internal static class Faults
{
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
    public const int InvalidArgument = unchecked((int)0x80040203);
    public const int InvalidAttributeValueType = unchecked((int)0x80040265);
    public const int PicklistValueOutOfRange = unchecked((int)0x8004431A);
    public const int StringLengthTooLong = unchecked((int)0x80044331);
    public const int ValueOutOfRange = unchecked((int)0x80044330);
    public const int InvalidStateTransition = unchecked((int)0x80040203);
    public const int DuplicateRecord = unchecked((int)0x80040237);
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
    public const int InfiniteLoop = unchecked((int)0x80044182);
    public const int NoActiveTransactionCode = unchecked((int)0x80040251);
    public const int TransactionCountReducedCode = unchecked((int)0x8009000C);
    public const int SandboxHostPluginTimeoutCode = unchecked((int)0x80044172);
    public const int LockTimeout = unchecked((int)0x80044151);
    public const int UnrecognizedRequestCode = unchecked((int)0x80040200);
    public const int LeadNotOpen = unchecked((int)0x80040227);
    public const int OpportunityNotOpen = unchecked((int)0x80040228);
    public const int RestrictDelete = unchecked((int)0x80040501);
    public const int MissingParameter = unchecked((int)0x80040203);
    // learn.microsoft.com "Web service error codes": PrivilegeDenied "The user does not hold the necessary privileges." and
    // unManagedIdsAccessDenied "Not enough privilege to access the Microsoft Dynamics 365 object or perform the requested
    // operation."; "Troubleshoot Dataverse client errors" gives the two messages' shapes (privilege check, then access check).
    public const int PrivilegeDenied = unchecked((int)0x80040220);
    public const int AccessDenied = unchecked((int)0x80048306);

    public static DataverseFault DoesNotExist(string table, Guid id) =>
        new(ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    public static DataverseFault DoesNotExistByKey(string table, string keyDescription) =>
        new(ObjectDoesNotExist, $"A record with the specified key values does not exist in {table} entity ({keyDescription})");

    public static DataverseFault UnknownTable(string table) =>
        new(QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    public static DataverseFault UnknownColumn(string table, string column) =>
        new(QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    public static DataverseFault WrongType(string table, string column, object value, string expected) =>
        new(InvalidAttributeValueType,
            $"Incorrect type of attribute value {value.GetType().FullName} for attribute '{column}' of entity '{table}': expected {expected}.");

    public static DataverseFault OptionOutOfRange(string table, string column, int value, IEnumerable<int> accepted) =>
        new(PicklistValueOutOfRange,
            $"A validation error occurred. The value {value} of '{column}' on record of type '{table}' is outside the valid range. Accepted Values: {string.Join(",", accepted)}");

    public static DataverseFault TooLong(string table, string column, int max) =>
        new(StringLengthTooLong,
            $"A validation error occurred. The length of the '{column}' attribute of the '{table}' entity exceeded the maximum allowed length of '{max}'.");

    public static DataverseFault NumberOutOfRange(string table, string column, object value, long? min, long? max) =>
        new(ValueOutOfRange,
            $"A validation error occurred. The value {Convert.ToString(value, CultureInfo.InvariantCulture)} of '{column}' on record of type '{table}' is outside the valid range ({min}..{max}).");

    public static DataverseFault LookupTargetNotAllowed(string table, string column, string target) =>
        new(InvalidArgument, $"The '{column}' attribute of '{table}' cannot refer to a record of type '{target}'.");

    public static DataverseFault InvalidStatus(string table, Guid id, int state, string stateLabel, int status) =>
        new(InvalidStateTransition,
            $"{status} is not a valid status code for state code {Pascal(table)}State.{stateLabel.Replace(" ", "")} on {table} with Id {id}.");

    public static DataverseFault InvalidState(string table, int state) =>
        new(InvalidStateTransition, $"{state} is not a valid state code on {table}.");

    public static DataverseFault DuplicateId(string table, Guid id) =>
        new(DuplicateRecord, $"Cannot insert duplicate key. A {table} with Id = {id} already exists.");

    public static DataverseFault DuplicateKey(string table, string keyName, IEnumerable<string> columns) =>
        new(DuplicateRecordEntityKey,
            $"A record that has the attribute values {string.Join(", ", columns)} already exists. The entity key {keyName} requires that this set of attributes contains unique values. Select unique values and try again.");

    public static DataverseFault VersionMismatch() =>
        new(ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

    public static DataverseFault VersionNotProvided() =>
        new(ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

    // The platform's own words when the depth limit (8) is hit; see RemoteExecutionContext.Depth on learn.microsoft.com.
    public static DataverseFault InfiniteLoopDetected() =>
        new(InfiniteLoop,
            "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. For information about workflow logic, see Help.");

    // "Troubleshoot Dataverse plug-ins", Transaction errors (learn.microsoft.com/power-apps/developer/data-platform/
    // troubleshoot-plug-in): -2147220911 for work in a transaction a failed call ended; -2146893812, the newer error,
    // raised "immediately and in the context of the plug-in that contains the problem".
    public static DataverseFault NoActiveTransaction() =>
        new(NoActiveTransactionCode,
            "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");

    public static DataverseFault TransactionCountReduced() =>
        new(TransactionCountReducedCode,
            "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from OrganizationService calls and continue processing.");

    // The sandbox's own words when an extension runs past the 2-minute limit ("Analyze plug-in performance": "Dataverse
    // throws a TimeoutException"). The code is not published: 0x80044171 is the Sandbox *Client* timeout (seen in real
    // faults as -2147204751 with "...timed-out at the Sandbox Client."); the Sandbox Host timeout is the next code.
    public static DataverseFault ExecutionTimedOut() =>
        new(SandboxHostPluginTimeoutCode, "The plug-in execution failed because the operation has timed-out at the Sandbox Host.");

    public static DataverseFault LockTimedOut(string what, TimeSpan timeout) =>
        new(LockTimeout,
            $"The operation timed out after {timeout.TotalSeconds:0.#} s waiting for {what}, which another transaction holds locked. Retry the operation.");

    public static DataverseFault UnrecognizedRequest(string? name) =>
        new(UnrecognizedRequestCode, $"Unrecognized request name: {name}");

    /// <summary>The privilege check failed: the principal holds the privilege at no depth. Shape of the platform's message
    /// (support article "Troubleshoot Dataverse client errors", and the message Dataverse returns with code 0x80040220):
    /// "Principal user (Id=…, type=8, roleCount=…, privilegeCount=…, accessMode='0 Read-Write', businessUnitId=…), is missing
    /// prvReadllc_scoringmodel privilege (Id=…) on OTC=… for entity 'llc_scoringmodel' (LocalizedName='…'). context.Caller=…"</summary>
    public static DataverseFault MissingPrivilege(Guid userId, int roleCount, int privilegeCount, Guid businessUnitId,
        string privilege, Guid privilegeId, (int TypeCode, string LogicalName, string DisplayName)? table)
    {
        var on = table is { } t ? $" on OTC={t.TypeCode} for entity '{t.LogicalName}' (LocalizedName='{t.DisplayName}')" : "";
        return new DataverseFault(PrivilegeDenied,
            $"Principal user (Id={userId}, type=8, roleCount={roleCount}, privilegeCount={privilegeCount}, accessMode='0 Read-Write', " +
            $"businessUnitId={businessUnitId}), is missing {privilege} privilege (Id={privilegeId}){on}. context.Caller={userId}. " +
            "Consider adding missed privilege to one of the principal (user/team) roles.");
    }

    /// <summary>The access check failed: the principal holds the privilege, but not at a depth that reaches this record.
    /// "Principal with id … does not have ReadAccess right(s) for record with id … of entity lead. … Details: {…}".</summary>
    public static DataverseFault NoAccess(Guid userId, string accessName, Guid recordId, string table, string details) =>
        new(AccessDenied,
            $"Principal with id {userId} does not have {accessName} right(s) for record with id {recordId} of entity {table}. " +
            $"Consider assigning a role with the required access level to the user or team. Details: {details}");

    /// <summary>A move of a business process flow instance off its active path. Message: the Dynamics CRM team's article "Best
    /// practices for automating business process stage progression in Dynamics 365" (dynamicsuser.net); the sources consulted
    /// give no error code, so the generic invalid-argument code stands in.</summary>
    public static DataverseFault InvalidStageTransition(string stageName) =>
        new(InvalidArgument, $"Invalid stage transition. Transition to stage {stageName} is not in the process active path.");

    /// <summary>"The traversed path should end with the new active stage." (reported by developers updating traversedpath).</summary>
    public static DataverseFault TraversedPathMustEndWithActiveStage() =>
        new(InvalidArgument, "The traversed path should end with the new active stage.");

    /// <summary>learn.microsoft.com "Work with business process flows using code": an instance created at a stage other than
    /// the first must give traversedpath (the message is ours: the documentation gives none).</summary>
    public static DataverseFault TraversedPathRequired(string stageName) =>
        new(InvalidArgument, $"A business process flow instance created at the stage '{stageName}', not the first one, needs its traversedpath.");

    public static DataverseFault Missing(string what) => new(MissingParameter, $"Required field '{what}' is missing");

    public static DataverseFault Invalid(string message) => new(InvalidArgument, message);

    public static string Pascal(string logicalName) =>
        logicalName.Length == 0 ? logicalName : char.ToUpperInvariant(logicalName[0]) + logicalName.Substring(1);
}
