using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.LocalOrg.Metadata;

/// <summary>
/// The built-in description of the standard Dataverse tables the solution touches, in the solution model's own form,
/// so the local organization treats standard and solution tables alike. Lengths, choices and state/status pairs are
/// those of the Dynamics 365 Sales metadata (lead, contact, account, opportunity, opportunityclose, task, ...).
/// </summary>
public static class StandardTables
{
    public static IReadOnlyList<TableDefinition> All { get; } = Build();

    private static IReadOnlyList<TableDefinition> Build() => new[]
    {
        Lead(), Contact(), Account(), Opportunity(), OpportunityClose(), Task(), ActivityPointer(),
        SystemUser(), Team(), BusinessUnit(), Organization(), ProcessStage(), Workflow(),
        EnvironmentVariableDefinition(), EnvironmentVariableValue(),
    };

    private static TableDefinition Lead() => Table("lead", "Lead", "subject", UserOwned(
        Str("subject", 300), Str("firstname", 50), Str("middlename", 50), Str("lastname", 50), Str("fullname", 160),
        Str("salutation", 100), Str("jobtitle", 100), Str("companyname", 100), Email("emailaddress1"), Email("emailaddress2"),
        Email("emailaddress3"), Phone("telephone1"), Phone("telephone2"), Phone("mobilephone"), Str("websiteurl", 200),
        Str("address1_line1", 250), Str("address1_city", 80), Str("address1_stateorprovince", 50),
        Str("address1_postalcode", 20), Str("address1_country", 80), Memo("description", 2000),
        Pick("leadqualitycode", (1, "Hot"), (2, "Warm"), (3, "Cold")),
        Pick("leadsourcecode", (1, "Advertisement"), (2, "Employee Referral"), (3, "External Referral"), (4, "Partner"),
            (5, "Public Relations"), (6, "Seminar"), (7, "Trade Show"), (8, "Web"), (9, "Word of Mouth"), (10, "Other")),
        Pick("preferredcontactmethodcode", (1, "Any"), (2, "Email"), (3, "Phone"), (4, "Fax"), (5, "Mail")),
        Pick("purchasetimeframe", (0, "Immediate"), (1, "This Quarter"), (2, "Next Quarter"), (3, "This Year"), (4, "Unknown")),
        Pick("industrycode", Enumerable.Range(1, 33).Select(i => (i, "Industry " + i)).ToArray()),
        Money("revenue"), Money("budgetamount"), Money("estimatedvalue"), Int("numberofemployees"),
        Date("estimatedclosedate", "DateOnly"), Bool("donotemail"), Bool("donotphone"), Bool("donotbulkemail"),
        Lookup("parentcontactid", "contact"), Lookup("parentaccountid", "account"), Customer("customerid"),
        Lookup("qualifyingopportunityid", "opportunity"), Lookup("masterid", "lead"),
        State((0, "Open", 1), (1, "Qualified", 3), (2, "Disqualified", 4)),
        Status((0, 1, "New"), (0, 2, "Contacted"), (1, 3, "Qualified"), (2, 4, "Lost"), (2, 5, "Cannot Contact"),
            (2, 6, "No Longer Interested"), (2, 7, "Canceled"))));

    private static TableDefinition Contact() => Table("contact", "Contact", "fullname", UserOwned(
        Str("firstname", 50), Str("middlename", 50), Str("lastname", 50), Str("fullname", 160), Str("salutation", 100),
        Str("nickname", 100), Str("jobtitle", 100), Email("emailaddress1"), Email("emailaddress2"), Email("emailaddress3"),
        Phone("telephone1"), Phone("telephone2"), Phone("mobilephone"), Str("websiteurl", 200),
        Str("address1_line1", 250), Str("address1_city", 80), Str("address1_stateorprovince", 50),
        Str("address1_postalcode", 20), Str("address1_country", 80), Memo("description", 2000),
        Date("birthdate", "DateOnly"), Pick("gendercode", (1, "Male"), (2, "Female")),
        Pick("customertypecode", (1, "Default Value")),
        Pick("preferredcontactmethodcode", (1, "Any"), (2, "Email"), (3, "Phone"), (4, "Fax"), (5, "Mail")),
        Bool("donotemail"), Bool("donotphone"), Bool("donotbulkemail"),
        Customer("parentcustomerid"), Lookup("originatingleadid", "lead"), Lookup("masterid", "contact"),
        State((0, "Active", 1), (1, "Inactive", 2)), Status((0, 1, "Active"), (1, 2, "Inactive"))));

    private static TableDefinition Account() => Table("account", "Account", "name", UserOwned(
        Str("name", 160), Str("accountnumber", 20), Email("emailaddress1"), Phone("telephone1"), Str("websiteurl", 200),
        Str("address1_line1", 250), Str("address1_city", 80), Str("address1_stateorprovince", 50),
        Str("address1_postalcode", 20), Str("address1_country", 80), Memo("description", 2000),
        Pick("customertypecode", (1, "Competitor"), (2, "Consultant"), (3, "Customer"), (4, "Investor"), (5, "Partner"),
            (6, "Influencer"), (7, "Press"), (8, "Prospect"), (9, "Reseller"), (10, "Supplier"), (11, "Vendor"), (12, "Other")),
        Pick("industrycode", Enumerable.Range(1, 33).Select(i => (i, "Industry " + i)).ToArray()),
        Money("revenue"), Int("numberofemployees"), Lookup("primarycontactid", "contact"), Lookup("parentaccountid", "account"),
        Lookup("originatingleadid", "lead"), Lookup("masterid", "account"),
        State((0, "Active", 1), (1, "Inactive", 2)), Status((0, 1, "Active"), (1, 2, "Inactive"))));

    private static TableDefinition Opportunity() => Table("opportunity", "Opportunity", "name", UserOwned(
        Str("name", 300), Memo("description", 2000), Str("stepname", 200), Customer("customerid"),
        Lookup("parentaccountid", "account"), Lookup("parentcontactid", "contact"), Lookup("originatingleadid", "lead"),
        Money("estimatedvalue"), Money("actualvalue"), Money("budgetamount"), Date("estimatedclosedate", "DateOnly"),
        Date("actualclosedate", "DateOnly"), Int("closeprobability", 0, 100),
        Pick("purchasetimeframe", (0, "Immediate"), (1, "This Quarter"), (2, "Next Quarter"), (3, "This Year"), (4, "Unknown")),
        Pick("salesstagecode", (1, "Default Value")),
        State((0, "Open", 1), (1, "Won", 3), (2, "Lost", 4)),
        Status((0, 1, "In Progress"), (0, 2, "On Hold"), (1, 3, "Won"), (2, 4, "Canceled"), (2, 5, "Out-Sold"))));

    private static TableDefinition OpportunityClose() => Table("opportunityclose", "Opportunity Close", "subject", Activity(
        Lookup("opportunityid", "opportunity"), Money("actualrevenue"), Lookup("competitorid", "competitor"),
        State((0, "Open", 1), (1, "Completed", 2), (2, "Canceled", 3)),
        Status((0, 1, "Open"), (1, 2, "Completed"), (2, 3, "Canceled"))), primaryId: "activityid");

    private static TableDefinition Task() => Table("task", "Task", "subject", Activity(
        Int("percentcomplete", 0, 100), Int("actualdurationminutes"), Str("category", 250),
        State((0, "Open", 2), (1, "Completed", 5), (2, "Canceled", 6)),
        Status((0, 2, "Not Started"), (0, 3, "In Progress"), (0, 4, "Waiting on someone else"), (0, 7, "Deferred"),
            (1, 5, "Completed"), (2, 6, "Canceled"))), primaryId: "activityid");

    private static TableDefinition ActivityPointer() => Table("activitypointer", "Activity", "subject", Activity(
        State((0, "Open", 1), (1, "Completed", 2), (2, "Canceled", 3), (3, "Scheduled", 4)),
        Status((0, 1, "Open"), (1, 2, "Completed"), (2, 3, "Canceled"), (3, 4, "Scheduled"))), primaryId: "activityid");

    private static TableDefinition SystemUser() => Table("systemuser", "User", "fullname", new List<ColumnDefinition>(Common())
    {
        Str("firstname", 64), Str("lastname", 64), Str("fullname", 200), Str("domainname", 1024),
        Email("internalemailaddress"), Lookup("businessunitid", "businessunit"), Bool("isdisabled"),
        Lookup("parentsystemuserid", "systemuser"),
    }, ownership: "BusinessOwned");

    private static TableDefinition Team() => Table("team", "Team", "name", new List<ColumnDefinition>(Common())
    {
        Str("name", 160), Lookup("businessunitid", "businessunit"), Bool("isdefault"),
        Pick("teamtype", (0, "Owner"), (1, "Access"), (2, "Security Group"), (3, "Office Group")),
        Lookup("administratorid", "systemuser"),
    }, ownership: "BusinessOwned");

    private static TableDefinition BusinessUnit() => Table("businessunit", "Business Unit", "name", new List<ColumnDefinition>(Common())
    {
        Str("name", 160), Lookup("parentbusinessunitid", "businessunit"), Bool("isdisabled"),
    }, ownership: "BusinessOwned");

    /// <summary>The organization itself: one row, what organization-owned rows' organizationid refers to.</summary>
    private static TableDefinition Organization() => Table("organization", "Organization", "name", new List<ColumnDefinition>(Common())
    {
        Str("name", 160),
    }, ownership: "None");

    private static TableDefinition ProcessStage() => Table("processstage", "Process Stage", "stagename", new List<ColumnDefinition>(Common())
    {
        Str("stagename", 100), Text("primaryentitytypecode", ColumnType.EntityName, 64), Lookup("processid", "workflow"),
        Pick("stagecategory", (0, "Qualify"), (1, "Develop"), (2, "Propose"), (3, "Close"), (4, "Identify"), (5, "Research"),
            (6, "Resolve"), (7, "Approval")),
        Memo("clientdata", 1048576),
    }, ownership: "OrganizationOwned");

    private static TableDefinition Workflow() => Table("workflow", "Process", "name", UserOwned(
        Str("name", 100), Str("uniquename", 256), Text("primaryentity", ColumnType.EntityName, 64),
        Pick("category", (0, "Workflow"), (1, "Dialog"), (2, "Business Rule"), (3, "Action"), (4, "Business Process Flow"),
            (5, "Modern Flow"), (6, "Desktop Flow")),
        Pick("type", (1, "Definition"), (2, "Activation"), (3, "Template")),
        Pick("mode", (0, "Background"), (1, "Real-time")), Pick("scope", (1, "User"), (2, "Business Unit"),
            (3, "Parent: Child Business Units"), (4, "Organization")),
        Bool("ondemand"), Bool("triggeroncreate"), Bool("triggerondelete"), Int("processorder"), Memo("triggeronupdateattributelist", 1073741823),
        Memo("xaml", 1073741823), Memo("description", 100000),
        State((0, "Draft", 1), (1, "Activated", 2)), Status((0, 1, "Draft"), (1, 2, "Activated"))));

    /// <summary>
    /// The schema name is the definition's identity: "Unique entity name", not valid for update (learn.microsoft.com,
    /// EnvironmentVariableDefinition table reference, SchemaName; MicrosoftDocs/powerapps-docs
    /// powerapps-docs/developer/data-platform/reference/entities/environmentvariabledefinition.md). The page does not
    /// say how a duplicate is refused; the local organization refuses it as a unique key on schemaname does
    /// (DuplicateRecordEntityKey), so a second definition of one variable is never created and silently read.
    /// </summary>
    private static TableDefinition EnvironmentVariableDefinition() => Table("environmentvariabledefinition", "Environment Variable Definition",
        "schemaname", UserOwned(
            Str("schemaname", 100) with { ValidForUpdate = false }, Str("displayname", 100), Memo("defaultvalue", 2000),
            Memo("description", 2000),
            Pick("type", (100000000, "String"), (100000001, "Number"), (100000002, "Boolean"), (100000003, "JSON"),
                (100000004, "Data source"), (100000005, "Secret")),
            State((0, "Active", 1), (1, "Inactive", 2)), Status((0, 1, "Active"), (1, 2, "Inactive")))) with
    {
        AlternateKeys = [new AlternateKeyDefinition("environmentvariabledefinition_schemaname", "Schema Name", ["schemaname"])],
    };

    private static TableDefinition EnvironmentVariableValue() => Table("environmentvariablevalue", "Environment Variable Value",
        "schemaname", UserOwned(
            Str("schemaname", 100), Memo("value", 2000), Lookup("environmentvariabledefinitionid", "environmentvariabledefinition"),
            State((0, "Active", 1), (1, "Inactive", 2)), Status((0, 1, "Active"), (1, 2, "Inactive"))));

    /// <summary>What Dataverse adds to every custom table: system columns, ownership columns (owner and owning user, team and
    /// business unit, or organizationid: <see cref="SystemColumns"/>) and the Active/Inactive state with its two status
    /// reasons. The solution's own definitions are merged over it (a package that ships the system columns, as an export
    /// does, redefines them with the same values).</summary>
    public static TableDefinition CustomTableBase(TableDefinition custom)
    {
        var columns = custom.OwnershipType == "UserOwned" ? UserOwned() : new List<ColumnDefinition>(Common());
        if (custom.OwnershipType == "OrganizationOwned") columns.AddRange(SystemColumns.OrganizationOwned.Select(System));
        columns.Add(State((0, "Active", 1), (1, "Inactive", 2)));
        columns.Add(Status((0, 1, "Active"), (1, 2, "Inactive")));
        var id = custom.PrimaryIdAttribute ?? custom.LogicalName + "id";
        var hasOwnStatus = custom.StatusReasons.Count > 0;
        return Table(custom.LogicalName, custom.DisplayName, custom.PrimaryNameAttribute ?? "", columns, custom.OwnershipType, id) with
        {
            IsCustom = true,
            StatusReasons = hasOwnStatus ? Array.Empty<StateStatusDefinition>() : new[] { new StateStatusDefinition(0, 1, "Active"), new StateStatusDefinition(1, 2, "Inactive") },
        };
    }

    // ---- building blocks -------------------------------------------------------------------------------------------------

    private static TableDefinition Table(string name, string display, string primaryName, List<ColumnDefinition> columns,
        string ownership = "UserOwned", string? primaryId = null)
    {
        var id = primaryId ?? name + "id";
        // The builders name columns by logical name; Dynamics 365's display names come from one table of labels.
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].DisplayName == columns[i].LogicalName && StandardColumnLabels.Of(name, columns[i].LogicalName) is { } label)
                columns[i] = columns[i] with { DisplayName = label };
        columns.Insert(0, new ColumnDefinition(id, display, ColumnType.PrimaryKey, false, "systemrequired"));
        var stateColumn = columns.FirstOrDefault(c => c.Type == ColumnType.State);
        var statusColumn = columns.FirstOrDefault(c => c.Type == ColumnType.Status);
        var reasons = statusColumn?.Options?.Select(o => new StateStatusDefinition(o.State ?? 0, o.Value, o.Label)).ToList()
                      ?? new List<StateStatusDefinition>();
        _ = stateColumn;
        return new TableDefinition(name, display, id, primaryName, false, ownership, columns,
            Array.Empty<AlternateKeyDefinition>(), reasons, Array.Empty<ViewDefinition>(), Array.Empty<FormDefinition>());
    }

    /// <summary>The system columns of every table (<see cref="SystemColumns.Common"/>, with what a caller may write) and
    /// versionnumber, which no export carries but every table has; the platform sets them (RecordWriter).</summary>
    private static IEnumerable<ColumnDefinition> Common() =>
        SystemColumns.Common.Select(System).Append(new ColumnDefinition("versionnumber", "Version Number", ColumnType.BigInt, false)
        {
            ValidForCreate = false, ValidForUpdate = false,
        });

    private static List<ColumnDefinition> UserOwned(params ColumnDefinition[] columns)
    {
        var list = new List<ColumnDefinition>(Common());
        list.AddRange(SystemColumns.UserOwned.Select(System));
        list.AddRange(columns);
        return list;
    }

    /// <summary>A platform column as the local organization describes it.</summary>
    private static ColumnDefinition System(SystemColumns.Column column) => new(
        column.LogicalName, column.LogicalName, column.Type, false,
        column.Type == ColumnType.Owner ? "systemrequired" : "none",
        MinValue: column.Type == ColumnType.Integer ? (column.LogicalName == "importsequencenumber" ? int.MinValue : -1) : null,
        MaxValue: column.Type == ColumnType.Integer ? int.MaxValue : null,
        Targets: column.Type is ColumnType.Lookup or ColumnType.Owner ? column.Targets : null,
        DateTimeBehavior: column.Type == ColumnType.DateTime ? "UserLocal" : null,
        Format: column.LogicalName == "overriddencreatedon" ? "date" : null)
    {
        ValidForCreate = column.ValidForCreate,
        ValidForUpdate = column.ValidForUpdate,
    };

    /// <summary>Columns every activity (task, opportunityclose, ...) shares with activitypointer.</summary>
    private static List<ColumnDefinition> Activity(params ColumnDefinition[] columns)
    {
        var list = UserOwned(
            Str("subject", 400), Memo("description", 100000),
            new ColumnDefinition("regardingobjectid", "Regarding", ColumnType.Lookup, false, Targets: Array.Empty<string>()),
            Text("activitytypecode", ColumnType.EntityName, 64), Date("scheduledstart"), Date("scheduledend"),
            Date("actualstart"), Date("actualend"), Int("actualdurationminutes"),
            Pick("prioritycode", (0, "Low"), (1, "Normal"), (2, "High")));
        foreach (var c in columns) { list.RemoveAll(x => x.LogicalName == c.LogicalName); list.Add(c); }
        return list;
    }

    private static ColumnDefinition Str(string name, int max) => new(name, name, ColumnType.String, false, MaxLength: max, Format: "Text");
    private static ColumnDefinition Email(string name) => new(name, name, ColumnType.String, false, MaxLength: 100, Format: "Email");
    private static ColumnDefinition Phone(string name) => new(name, name, ColumnType.String, false, MaxLength: 50, Format: "Phone");
    private static ColumnDefinition Memo(string name, int max) => new(name, name, ColumnType.Memo, false, MaxLength: max, Format: "TextArea");
    private static ColumnDefinition Text(string name, ColumnType type, int max) => new(name, name, type, false, MaxLength: max);
    private static ColumnDefinition Int(string name, long? min = null, long? max = null) =>
        new(name, name, ColumnType.Integer, false, MinValue: min ?? int.MinValue, MaxValue: max ?? int.MaxValue);
    private static ColumnDefinition Money(string name) => new(name, name, ColumnType.Money, false);
    private static ColumnDefinition Bool(string name) => new(name, name, ColumnType.Boolean, false);
    private static ColumnDefinition Date(string name, string behavior = "UserLocal") => new(name, name, ColumnType.DateTime, false, DateTimeBehavior: behavior);
    private static ColumnDefinition Lookup(string name, string target) => new(name, name, ColumnType.Lookup, false, Targets: new[] { target });
    private static ColumnDefinition Customer(string name) => new(name, name, ColumnType.Customer, false, Targets: new[] { "account", "contact" });

    private static ColumnDefinition Pick(string name, params (int Value, string Label)[] options) =>
        new(name, name, ColumnType.Picklist, false, Options: options.Select(o => new OptionDefinition(o.Value, o.Label)).ToList());

    private static ColumnDefinition State(params (int Value, string Label, int DefaultStatus)[] states) =>
        new("statecode", "Status", ColumnType.State, false, "systemrequired",
            Options: states.Select(s => new OptionDefinition(s.Value, s.Label, null, s.DefaultStatus)).ToList());

    private static ColumnDefinition Status(params (int State, int Value, string Label)[] reasons) =>
        new("statuscode", "Status Reason", ColumnType.Status, false,
            Options: reasons.Select(r => new OptionDefinition(r.Value, r.Label, r.State)).ToList());
}
