namespace LeadLifecycle.LocalOrg.Metadata;

/// <summary>
/// The display names of the standard tables' columns, as Dynamics 365 labels them (the table reference pages:
/// learn.microsoft.com/power-apps/developer/data-platform/reference/entities/lead, contact, account, opportunity, task;
/// the same metadata as MicrosoftDocs/dynamics-365-customer-engagement ce/outlook-app/developer/entities/lead.md and
/// contact.md, e.g. lead.parentcontactid "Parent Contact for lead", lead.leadqualitycode "Rating",
/// contact.parentcustomerid "Company Name"). A column missing here shows its logical name.
/// </summary>
internal static class StandardColumnLabels
{
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["createdon"] = "Created On", ["modifiedon"] = "Modified On", ["overriddencreatedon"] = "Record Created On",
        ["createdby"] = "Created By", ["modifiedby"] = "Modified By", ["createdonbehalfby"] = "Created By (Delegate)",
        ["modifiedonbehalfby"] = "Modified By (Delegate)", ["importsequencenumber"] = "Import Sequence Number",
        ["ownerid"] = "Owner", ["owninguser"] = "Owning User", ["owningteam"] = "Owning Team", ["owningbusinessunit"] = "Owning Business Unit",
        ["organizationid"] = "Organization Id", ["timezoneruleversionnumber"] = "Time Zone Rule Version Number",
        ["utcconversiontimezonecode"] = "UTC Conversion Time Zone Code", ["versionnumber"] = "Version Number",
        ["firstname"] = "First Name", ["middlename"] = "Middle Name", ["lastname"] = "Last Name", ["salutation"] = "Salutation",
        ["nickname"] = "Nickname", ["jobtitle"] = "Job Title", ["emailaddress1"] = "Email", ["emailaddress2"] = "Email Address 2",
        ["emailaddress3"] = "Email Address 3", ["telephone1"] = "Business Phone", ["telephone2"] = "Home Phone",
        ["mobilephone"] = "Mobile Phone", ["websiteurl"] = "Website", ["address1_line1"] = "Address 1: Street 1",
        ["address1_city"] = "Address 1: City", ["address1_stateorprovince"] = "Address 1: State/Province",
        ["address1_postalcode"] = "Address 1: ZIP/Postal Code", ["address1_country"] = "Address 1: Country/Region",
        ["description"] = "Description", ["preferredcontactmethodcode"] = "Preferred Method of Contact",
        ["donotemail"] = "Do not allow Emails", ["donotphone"] = "Do not allow Phone Calls", ["donotbulkemail"] = "Do not allow Bulk Emails",
        ["industrycode"] = "Industry", ["revenue"] = "Annual Revenue", ["originatingleadid"] = "Originating Lead",
        ["purchasetimeframe"] = "Purchase Timeframe", ["budgetamount"] = "Budget Amount", ["masterid"] = "Master ID",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ByTable = new(StringComparer.Ordinal)
    {
        ["lead"] = new(StringComparer.Ordinal)
        {
            ["subject"] = "Topic", ["fullname"] = "Name", ["companyname"] = "Company Name", ["leadqualitycode"] = "Rating",
            ["leadsourcecode"] = "Lead Source", ["estimatedvalue"] = "Est. Value", ["numberofemployees"] = "No. of Employees",
            ["estimatedclosedate"] = "Est. Close Date", ["parentcontactid"] = "Parent Contact for lead",
            ["parentaccountid"] = "Parent Account for lead", ["customerid"] = "Customer", ["qualifyingopportunityid"] = "Qualifying Opportunity",
        },
        ["contact"] = new(StringComparer.Ordinal)
        {
            ["fullname"] = "Full Name", ["birthdate"] = "Birthday", ["gendercode"] = "Gender", ["customertypecode"] = "Relationship Type",
            ["parentcustomerid"] = "Company Name",
        },
        ["account"] = new(StringComparer.Ordinal)
        {
            ["name"] = "Account Name", ["accountnumber"] = "Account Number", ["telephone1"] = "Main Phone",
            ["numberofemployees"] = "Number of Employees", ["primarycontactid"] = "Primary Contact", ["parentaccountid"] = "Parent Account",
            ["customertypecode"] = "Relationship Type",
        },
        ["opportunity"] = new(StringComparer.Ordinal)
        {
            ["name"] = "Topic", ["stepname"] = "Pipeline Phase", ["customerid"] = "Potential Customer", ["parentaccountid"] = "Account",
            ["parentcontactid"] = "Contact", ["estimatedvalue"] = "Est. Revenue", ["actualvalue"] = "Actual Revenue",
            ["estimatedclosedate"] = "Est. Close Date", ["actualclosedate"] = "Actual Close Date", ["closeprobability"] = "Probability",
            ["salesstagecode"] = "Process Code",
        },
        ["opportunityclose"] = new(StringComparer.Ordinal)
        {
            ["opportunityid"] = "Opportunity", ["actualrevenue"] = "Actual Revenue", ["competitorid"] = "Competitor",
        },
        ["systemuser"] = new(StringComparer.Ordinal)
        {
            ["fullname"] = "Full Name", ["domainname"] = "User Name", ["internalemailaddress"] = "Primary Email",
            ["businessunitid"] = "Business Unit", ["isdisabled"] = "Status", ["parentsystemuserid"] = "Manager",
        },
    };

    // Every activity (task, opportunityclose, ...) shares activitypointer's columns.
    private static readonly Dictionary<string, string> Activity = new(StringComparer.Ordinal)
    {
        ["subject"] = "Subject", ["regardingobjectid"] = "Regarding", ["scheduledstart"] = "Start Date", ["scheduledend"] = "Due Date",
        ["actualstart"] = "Actual Start", ["actualend"] = "Actual End", ["actualdurationminutes"] = "Actual Duration",
        ["prioritycode"] = "Priority", ["percentcomplete"] = "Percent Complete", ["category"] = "Category",
        ["activitytypecode"] = "Activity Type",
    };

    private static readonly HashSet<string> Activities = new(StringComparer.Ordinal) { "task", "opportunityclose", "activitypointer" };

    public static string? Of(string table, string column) =>
        ByTable.TryGetValue(table, out var own) && own.TryGetValue(column, out var label) ? label
        : Activities.Contains(table) && Activity.TryGetValue(column, out var activity) ? activity
        : Common.TryGetValue(column, out var common) ? common
        : null;
}
