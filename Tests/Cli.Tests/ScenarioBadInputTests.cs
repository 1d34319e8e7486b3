using System.Text.Json.Nodes;
using LeadLifecycle.Cli.Simulate;

namespace LeadLifecycle.Cli.Tests;

/// <summary>
/// The bad-input suite of the scenario reader and runner: each case is one wrong step after a few good ones. The step
/// must fail with a message that names the step, the key or column and what was expected — and nothing may be
/// written: every row of every table is the same after the step as before it.
/// </summary>
public sealed class ScenarioBadInputTests
{
    // ana (a contact), acme (an account), s1 (a form submission: its contact and lead), sam (a user).
    private const string Arrange = """
        { "create": "contact", "key": "ana", "fields": { "firstname": "Ana", "lastname": "Silva", "emailaddress1": "ana@contoso.com" } },
        { "create": "account", "key": "acme", "fields": { "name": "Acme" } },
        { "create": "llc_marketingform", "key": "web", "fields": { "llc_name": "Web", "llc_formid": "web" } },
        { "execute": "llc_SubmitMarketingForm", "key": "s1", "parameters": { "FormId": "web",
          "Submission": { "entity": "lead", "fields": { "lastname": "Okafor", "emailaddress1": "ben@fabrikam.com", "subject": "Web" } } } },
        { "create": "systemuser", "key": "sam", "fields": { "firstname": "Sam", "lastname": "Sales" } },
        """;

    public static TheoryData<string, string> Cases => new()
    {
        // step kinds and keys
        { """{ "frobnicate": "contact" }""", "unknown step kind 'frobnicate'; a step has exactly one of create, update, execute, setstate, delete or advance" },
        { """{ "Create": "contact", "fields": { "lastname": "X" } }""", "'Create' is not a step kind — did you mean 'create'?" },
        { """{ "fields": { "lastname": "X" } }""", "a step has exactly one of create, update, execute, setstate, delete or advance; this one has none" },
        { """{ "create": "contact", "update": "contact", "key": "ana" }""", "this one has create and update" },
        { "5", "a step is a JSON object such as { \"create\": \"contact\", \"fields\": {…} }, not the number 5" },
        { """{ "create": "contact", "Key": "x" }""", "\"Key\" is not a key of a create step — did you mean \"key\"?" },
        { """{ "update": "contact", "key": "ana", "feilds": { "jobtitle": "CEO" } }""", "\"feilds\" is not a key of an update step; an update step takes update, key, id, fields, as or note" },
        { """{ "create": "contact", "create": "lead" }""", "the step has \"create\" twice (a JSON object names each property once; keep one)" },
        { """{ "create": "contact", "key": 5, "fields": { "lastname": "X" } }""", "\"key\" must be a name for the record this step creates (text), not the number 5" },
        { """{ "create": "contact", "key": "", "fields": { "lastname": "X" } }""", "\"key\" must be a name for the record this step creates, not empty text" },
        { """{ "create": "contact", "id": "not-a-guid", "fields": { "lastname": "X" } }""", "\"id\": 'not-a-guid' is not a GUID" },
        { """{ "create": "contact", "fields": [ "lastname" ] }""", "\"fields\" must be an object of names and values, not a list" },
        { """{ "create": "contact", "note": 5, "fields": { "lastname": "X" } }""", "\"note\" must be a line shown in the timeline (text), not the number 5" },
        { """{ "update": "contact", "fields": { "jobtitle": "CEO" } }""", "an update step names its record: give \"key\" (named by an earlier step) or \"id\" (its GUID)" },
        { """{ "delete": "contact", "key": "ana", "id": "6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f" }""", "a delete step names its record by \"key\" or by \"id\", not both" },
        { """{ "setstate": "contact", "key": "ana" }""", "a setstate step needs \"state\" (the statecode, a whole number)" },
        { """{ "setstate": "contact", "key": "ana", "state": "1" }""", "\"state\" must be a state code (statecode) (a whole JSON number), not the text \"1\"" },
        { """{ "setstate": "contact", "key": "ana", "state": 1.5 }""", "\"state\": 1.5 is not a whole number" },
        { """{ "advance": "400D" }""", "\"advance\": '400D' is not an ISO-8601 duration such as P400D, P1M or PT2H" },
        { """{ "advance": 400 }""", "\"advance\" must be an ISO-8601 duration such as \"P400D\", \"P1M\" or \"PT2H\" (text), not the number 400" },
        { """{ "advance": "P99999Y" }""", "'P99999Y' would move the clock from 2026-01-05 past the year 9999; give a shorter duration" },

        // keys given and named
        { """{ "create": "contact", "key": "ana", "fields": { "lastname": "Another" } }""", "The key 'ana' already names another record (contact " },
        { """{ "create": "contact", "key": "s1.LeadId", "fields": { "lastname": "X" } }""", "The key 's1.LeadId' already names another record (lead " },
        { """{ "create": "contact", "key": "s1.extra", "fields": { "lastname": "X" } }""", "The key 's1.extra' belongs to the outputs of the request keyed 's1' (step 3)" },
        { """{ "execute": "WhoAmI", "key": "ana" }""", "The key 'ana' already names another record" },
        { """{ "update": "contact", "key": "nobody", "fields": { "jobtitle": "CEO" } }""", "No record has the key 'nobody'" },
        { """{ "update": "lead", "key": "ana", "fields": { "subject": "X" } }""", "The key 'ana' names a contact, not a lead" },
        { """{ "create": "lead", "fields": { "subject": "X", "parentcontactid": { "ref": "contact", "key": "nobody" } } }""", "No record has the key 'nobody'" },

        // values against their columns
        { """{ "create": "contact", "fields": { "lastname": 5 } }""", "fields.lastname: the number 5 does not fit; lastname (Last Name) is text: give a JSON string" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": 2.5 } }""", "fields.gendercode: 2.5 is not a whole number; gendercode (Gender) is a choice: give {\"option\": n} (or a whole number) — 1 Male, 2 Female" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": "2" } }""", "fields.gendercode: the text \"2\" does not fit; gendercode (Gender) is a choice" },
        { """{ "create": "contact", "fields": { "lastname": "X", "donotemail": "yes" } }""", "fields.donotemail: the text \"yes\" does not fit; donotemail (Do not allow Emails) is Yes/No: give true or false" },
        { """{ "create": "contact", "fields": { "lastname": "X", "donotemail": 1 } }""", "fields.donotemail: the number 1 does not fit; donotemail (Do not allow Emails) is Yes/No" },
        { """{ "create": "contact", "fields": { "lastname": "X", "birthdate": "01/02/2026" } }""", "fields.birthdate: '01/02/2026' is not an ISO-8601 date; write yyyy-MM-dd" },
        { """{ "create": "contact", "fields": { "lastname": "X", "birthdate": "Mon, 05 Jan 2026 09:00:00 GMT" } }""", "is not an ISO-8601 date" },
        { """{ "create": "contact", "fields": { "lastname": "X", "birthdate": { "date": "2026-13-01" } } }""", "fields.birthdate.date: '2026-13-01' is not an ISO-8601 date" },
        { """{ "create": "contact", "fields": { "lastname": "X", "birthdate": { "date": 20260101 } } }""", "\"fields.birthdate.date\" must be an ISO-8601 date such as \"2026-01-05T09:00:00Z\" (text), not the number 20260101" },
        { """{ "create": "account", "fields": { "name": "X", "revenue": { "money": "1000" } } }""", "fields.revenue: \"money\" must be a JSON number such as 1250000.50, not the text \"1000\"" },
        { """{ "create": "account", "fields": { "name": "X", "revenue": 1e30 } }""", "fields.revenue: 1e30 is too large for revenue; revenue (Annual Revenue) is a currency" },
        { """{ "create": "account", "fields": { "name": "X", "numberofemployees": 1e10 } }""", "fields.numberofemployees: 1e10 is outside the range of numberofemployees (-2,147,483,648 to 2,147,483,647)" },
        { """{ "create": "account", "fields": { "name": "X", "numberofemployees": { "option": 3 } } }""", "fields.numberofemployees: the choice value { \"option\": 3 } does not fit; numberofemployees (Number of Employees) is a whole number" },
        { """{ "create": "account", "fields": { "name": "X", "llc_relationshiproles": [ 754100001 ] } }""", "fields.llc_relationshiproles: a list is not a value; a multi-select choice is {\"options\": [n, …]}" },
        { """{ "create": "account", "fields": { "name": "X", "llc_relationshiproles": { "options": [ 1.5 ] } } }""", "\"fields.llc_relationshiproles.options[0]\": 1.5 is not a whole number" },
        { """{ "create": "account", "fields": { "name": "X", "llc_relationshiproles": { "option": 754100001 } } }""", "is a multi-select choice: give {\"options\": [n, …]}" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": { "Option": 2 } } }""", "is no value encoding of the contract — did you mean \"option\"?" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": { "option": 2, "money": 1 } } }""", "mixes the encodings option and money; a value has one" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": { "option": 2, "label": "Female" } } }""", "\"label\" does not belong in {\"option\": …}; it takes option" },
        { """{ "create": "contact", "fields": { "lastname": "X", "parentcustomerid": { "ref": "account" } } }""", "a reference has \"key\" (a name an earlier step gave) or \"id\" (a GUID)" },
        { """{ "create": "contact", "fields": { "lastname": "X", "parentcustomerid": { "ref": "account", "key": "acme", "id": "6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f" } } }""", ", not both" },
        { """{ "create": "contact", "fields": { "lastname": "X", "parentcustomerid": "acme" } }""", "fields.parentcustomerid: the text \"acme\" does not fit; parentcustomerid (Company Name) is a lookup: give {\"ref\": \"account\", \"key\": \"k\"}" },
        { """{ "create": "contact", "fields": { "lastname": "X", "lastname": "Y" } }""", "fields has \"lastname\" twice" },

        // requests and their parameters
        { """{ "execute": "QualifyLead", "parameters": { "LeadId": { "ref": "lead", "key": "s1.LeadId" }, "CreateOpportunity": "yes" } }""", "parameters.CreateOpportunity: the text \"yes\" does not fit; CreateOpportunity is Yes/No: give true or false" },
        { """{ "execute": "QualifyLead", "parameters": { "LeadId": { "ref": "lead", "key": "s1.LeadId" }, "Statuss": { "option": 3 } } }""", "parameters.Statuss: QualifyLead has no parameter 'Statuss'; it takes LeadId, CreateAccount" },
        { """{ "execute": "QualifyLead", "parameters": { "LeadId": "s1.LeadId" } }""", "parameters.LeadId: the text \"s1.LeadId\" does not fit; LeadId is a lookup" },
        { """{ "execute": "QualifyLead", "parameters": [] }""", "\"parameters\" must be an object of names and values, not a list" },
        { """{ "execute": "llc_SubmitMarketingForm", "parameters": { "FormId": "web", "Submission": { "entity": "lead", "fields": { "lastname": 5 } } } }""", "parameters.Submission.fields.lastname: the number 5 does not fit; lastname (Last Name) is text" },
        { """{ "execute": "llc_SubmitMarketingForm", "parameters": { "FormId": "web", "Submission": { "entity": "lead", "fields": { "lastname": "A", "lastname": "B" } } } }""", "parameters.Submission.fields has \"lastname\" twice" },
        { """{ "execute": "llc_SubmitMarketingForm", "parameters": { "FormId": 5, "Submission": { "entity": "lead", "fields": { "lastname": "A" } } } }""", "parameters.FormId: the number 5 does not fit; FormId is text: give a JSON string" },

        // users
        { """{ "as": "nobody", "update": "contact", "key": "ana", "fields": { "jobtitle": "CEO" } }""", "\"as\": no earlier step creates a user with the key 'nobody'; add { \"create\": \"systemuser\", \"key\": \"nobody\", \"fields\": {…} } before this step" },
        { """{ "as": "ana", "update": "contact", "key": "ana", "fields": { "jobtitle": "CEO" } }""", "\"as\": 'ana' names a contact, not a user" },
        { """{ "as": 5, "update": "contact", "key": "ana", "fields": { "jobtitle": "CEO" } }""", "\"as\" must be the key of a user an earlier step created (text), not the number 5" },
        { """{ "create": "contact", "fields": { "lastname": "X" }, "roles": [ "Salesperson" ] }""", "\"roles\" belongs to a create systemuser step (the security roles the new user holds), not to create contact" },
        { """{ "create": "systemuser", "key": "lee", "fields": { "lastname": "Lee" }, "roles": "Salesperson" }""", "\"roles\" must be a list of security role names such as [\"Salesperson\"], not the text \"Salesperson\"" },
        { """{ "create": "systemuser", "key": "lee", "fields": { "lastname": "Lee" }, "roles": [ 5 ] }""", "roles[0] must be a security role name (text), not the number 5" },
        { """{ "create": "systemuser", "key": "lee", "fields": { "lastname": "Lee" }, "roles": [ "Salesperson", "Sales Person" ] }""", "\"roles\": There is no security role named 'Sales Person'. Known roles: " },

        // refused by the platform once sent: rolled back whole
        { """{ "create": "lead", "fields": { "subject": "Ghost", "parentcontactid": { "ref": "contact", "id": "00000000-0000-0000-0000-00000000beef" } } }""", "contact With Id = 00000000-0000-0000-0000-00000000beef Does Not Exist" },
        { """{ "create": "contact", "fields": { "lastname": "X", "gendercode": { "option": 7 } } }""", "The value 7 of 'gendercode' on record of type 'contact' is outside the valid range" },
        { """{ "execute": "llc_SubmitMarketingForm", "parameters": { "FormId": "web", "Submission": { "entity": "lead", "fields": { "lastname": "Costa", "emailaddress1": "carla@litware.com", "leadsourcecode": { "option": 99 } } } } }""", "The value 99 of 'leadsourcecode' on record of type 'lead' is outside the valid range" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wrong_step_fails_with_a_message_naming_what_to_fix_and_writes_nothing(string step, string message)
    {
        var scenario = Scenario.Parse($$"""{ "steps": [ {{Arrange}} {{step}} ] }""", "bad-input");
        var runner = new ScenarioRunner(scenario);
        var results = new List<StepResult>();
        using var steps = runner.Run().GetEnumerator();
        for (var i = 0; i < scenario.Steps.Count - 1 && steps.MoveNext(); i++) results.Add(steps.Current);
        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        var before = Snapshot(runner);

        Assert.True(steps.MoveNext());
        var failed = steps.Current;

        Assert.False(failed.Ok);
        Assert.Contains(message, failed.Error);
        Assert.Equal(before, Snapshot(runner));
    }

    [Fact]
    public void A_request_the_platform_refuses_after_a_plug_in_wrote_is_rolled_back_whole()
    {
        var runner = new ScenarioRunner(Scenario.Parse("""
            { "steps": [
              { "create": "llc_marketingform", "key": "web", "fields": { "llc_name": "Web", "llc_formid": "web" } },
              { "execute": "llc_SubmitMarketingForm", "parameters": { "FormId": "web", "Submission": { "entity": "lead",
                "fields": { "lastname": "Costa", "emailaddress1": "carla@litware.com", "leadsourcecode": { "option": 99 } } } } } ] }
            """, "rollback"));
        using var steps = runner.Run().GetEnumerator();
        Assert.True(steps.MoveNext() && steps.Current.Ok);
        using var recording = runner.Organization.RecordCalls();

        Assert.True(steps.MoveNext());

        Assert.False(steps.Current.Ok);
        Assert.Contains("The value 99 of 'leadsourcecode' on record of type 'lead' is outside the valid range", steps.Current.Error);
        // The submission's plug-in created the contact before the lead failed; the whole request was rolled back.
        Assert.Contains(recording.Calls, call => call.Message == "Create" && call.Table == "contact");
        Assert.Empty(runner.Organization.All("contact"));
        Assert.Empty(runner.Organization.All("lead"));
        Assert.Empty(runner.Organization.All("llc_interaction"));
    }

    [Fact]
    public void A_refused_step_names_itself_by_its_index()
    {
        var scenario = Scenario.Parse("""{ "steps": [ { "advance": "P1D" }, { "frobnicate": 1 } ] }""", "bad-input");

        var invalid = Assert.IsType<InvalidStep>(scenario.Steps[1]);

        Assert.StartsWith("Step 1: unknown step kind 'frobnicate'", invalid.Error);
    }

    // Every row of every table, as RESULT.json would show it.
    private static Dictionary<string, string> Snapshot(ScenarioRunner runner) =>
        runner.Organization.Metadata.Tables
            .SelectMany(table => runner.Organization.All(table.LogicalName))
            .ToDictionary(row => $"{row.LogicalName} {row.Id}", row => runner.Codec.EncodeFields(row).ToJsonString());
}
