using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// Plug-in trace logs are readable by admins and kept for days: they must carry record ids and counts, never the
/// personal data that went through the steps. A broad lifecycle (submissions, a new person, matching, scoring,
/// qualification, the process flow, QualifyLead, WinOpportunity, a bad request) runs, then every trace line is scanned.
/// </summary>
public sealed class TracePrivacyTests : LeadLifecycleTest
{
    private static readonly string[] PersonalData =
    {
        "noor@fabrikam.com", "Noor", "Haddad", "+44 20 7946 0958", "7946",
        "ana.lima@contoso.com", "Ana", "Lima", "555-0175", "0175", "fabrikam.com", "contoso.com", "Marketing Director",
    };

    [Fact]
    public void No_trace_line_of_a_full_lifecycle_contains_an_email_address_phone_number_or_name()
    {
        var org = ConfiguredOrganization();
        var account = Account("Fabrikam Traders");
        var known = Contact("Noor", "Haddad", "noor@fabrikam.com");
        known["parentcustomerid"] = account.ToEntityReference();
        known["telephone1"] = "+44 20 7946 0958";
        org.Initialize(account, known);
        var service = org.GetService();
        org.ClearTrace();

        var submission = Submission("noor@fabrikam.com", "Noor", "Haddad");
        submission["telephone1"] = "+44 20 7946 0958";
        service.Execute(SubmitForm(FormId, submission));
        service.Execute(SubmitForm(FormId, Submission("NOOR@fabrikam.com", "Noor", "Haddad")));
        var newPerson = NewLead("ana.lima@contoso.com", "Ana", "Lima");
        newPerson["telephone1"] = "555-0175";
        var newLeadId = service.Create(newPerson);
        Assert.ThrowsAny<Exception>(() => service.Execute(SubmitForm(FormId, Submission("ana.lima(at)contoso.com", "Ana", "Lima"))));
        var lead = org.All("lead").Single(l => l.Id != newLeadId);
        service.Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Marketing Director" });
        var qualified = (QualifyLeadResponse)service.Execute(new QualifyLeadRequest
        {
            LeadId = lead.ToEntityReference(), CreateAccount = true, CreateContact = true, CreateOpportunity = true, Status = new OptionSetValue(3),
        });
        var opportunity = qualified.CreatedEntities.Single(e => e.LogicalName == "opportunity");
        service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["subject"] = "Won" },
            Status = new OptionSetValue(3),
        });
        org.RunPendingAsyncJobs();

        var trace = org.Trace;
        Assert.NotEmpty(trace); // the steps really traced: the scan below is not vacuous
        foreach (var line in trace)
        {
            Assert.DoesNotMatch(@"[^\s@]+@[^\s@]+\.[a-z]{2,}", line);
            foreach (var value in PersonalData)
            {
                // Whole words only: "Ana" must not flag "Managed".
                var holds = System.Text.RegularExpressions.Regex.IsMatch(line, @"\b" + System.Text.RegularExpressions.Regex.Escape(value) + @"\b",
                    System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                Assert.False(holds, $"Trace line holds personal data '{value}': {line}");
            }
        }
    }
}
