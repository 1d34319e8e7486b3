using System.Text.RegularExpressions;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// The refusal is the platform's own fault: PrivilegeDenied 0x80040220 with the "Principal user (...) is missing prv...
/// privilege (Id=...) on OTC=... for entity '...'" message, or unManagedIdsAccessDenied 0x80048306 "Principal with id ...
/// does not have ...Access right(s) for record with id ... of entity ..." (learn.microsoft.com "Web service error codes",
/// "Troubleshoot Dataverse client errors"). It rolls back like any other failure: nothing is written.
/// </summary>
public class FaultAndRollbackTests
{
    [Fact]
    public void The_privilege_fault_names_the_principal_the_privilege_and_the_table()
    {
        var org = new TestSolution().Organization();
        var user = org.CreateUser("Nolan Norole");

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Create(new Entity("lead") { ["subject"] = "Interested" }));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        var pattern = $"^Principal user \\(Id={user}, type=8, roleCount=0, privilegeCount=0, accessMode='0 Read-Write', businessUnitId={org.RootBusinessUnitId}\\), " +
                      "is missing prvCreateLead privilege \\(Id=[0-9a-f-]{36}\\) on OTC=4 for entity 'lead' \\(LocalizedName='Lead'\\)\\. " +
                      $"context\\.Caller={user}\\. Consider adding missed privilege to one of the principal \\(user/team\\) roles\\.$";
        Assert.Matches(new Regex(pattern), error.Message);
        Assert.Empty(org.All("lead"));
    }

    [Fact]
    public void The_privilege_id_is_the_same_for_the_same_privilege_and_counts_follow_the_roles()
    {
        var org = new TestSolution().WithSetting().Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson", "Sales Manager");
        var a = Assert.Throws<DataverseFault>(() => org.GetService(rep).Create(new Entity("llc_setting") { ["llc_name"] = "a" })).Message;
        var b = Assert.Throws<DataverseFault>(() => org.GetService(rep).Create(new Entity("llc_setting") { ["llc_name"] = "b" })).Message;

        Assert.Equal(a, b);
        Assert.Contains("roleCount=2, privilegeCount=", a);
        Assert.Contains("is missing prvCreatellc_setting privilege", a);
        Assert.Contains("on OTC=10000 for entity 'llc_setting' (LocalizedName='Setting')", a);
    }

    [Fact]
    public void The_access_fault_names_the_right_the_record_and_the_depth_it_needed()
    {
        var org = new TestSolution().Role("Own leads", Grant("Lead", "Basic", "Read")).Organization();
        var sales = org.CreateBusinessUnit("Sales");
        var reader = org.CreateUser("Rhea Reader", sales, "Own leads");
        var owner = org.CreateUser("Owen Owner", sales);
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "x", ["ownerid"] = new EntityReference("systemuser", owner) });

        var error = Assert.Throws<DataverseFault>(() => org.GetService(reader).Retrieve("lead", lead, new ColumnSet("subject")));

        Assert.Equal(unchecked((int)0x80048306), error.ErrorCode);
        Assert.StartsWith($"Principal with id {reader} does not have ReadAccess right(s) for record with id {lead} of entity lead. " +
                          "Consider assigning a role with the required access level to the user or team. Details: {", error.Message);
        Assert.Contains($"\"OwnerPrincipal\":{{\"PrincipalId\":\"{owner}\",\"Type\":8,\"IsUserPrincipal\":true}}", error.Message);
        Assert.Contains($"\"ObjectTypeCode\":4,\"EntityName\":\"lead\",\"ObjectBusinessUnitId\":\"{sales}\",\"RightsToCheck\":\"ReadAccess\"", error.Message);
        Assert.Contains("\"MinimumPrivilegeDepthRequired = Local\"", error.Message);
    }

    [Fact]
    public void A_user_with_no_role_is_refused_a_lead_create_in_the_shipped_solution_and_nothing_is_written()
    {
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StartUtc = Dates.Start });
        var user = org.CreateUser("Nolan Norole");
        var contactsBefore = org.All("contact").Count;

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Create(new Entity("lead")
        {
            ["subject"] = "Interested", ["firstname"] = "Ana", ["lastname"] = "Rivera", ["emailaddress1"] = "ana@contoso.com",
        }));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.StartsWith($"Principal user (Id={user}, type=8, roleCount=0, privilegeCount=0,", error.Message);
        Assert.Contains("is missing prvCreateLead privilege", error.Message);
        Assert.Empty(org.All("lead"));
        Assert.Equal(contactsBefore, org.All("contact").Count);
        Assert.Empty(org.All("llc_leadlifecycleprocess"));
    }

    [Fact]
    public void A_refused_nested_write_inside_a_plugin_rolls_back_the_whole_operation()
    {
        var org = new TestSolution().WithSetting().Step<TaskThenSettingPlugin>("Create", "account", stage: 40).Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson");

        var error = Assert.Throws<DataverseFault>(() => org.GetService(rep).Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Contains("is missing prvCreatellc_setting privilege", error.Message);
        Assert.Empty(org.All("account"));
        Assert.Empty(org.All("task")); // written by the plug-in as the user before the refused call
        Assert.Empty(org.All("llc_setting"));
    }

    [Fact]
    public void ExecuteMultiple_checks_each_request_as_its_own_operation()
    {
        var org = new TestSolution().WithSetting().Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson");
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("lead") { ["subject"] = "allowed" } },
            new CreateRequest { Target = new Entity("llc_setting") { ["llc_name"] = "refused" } },
            new CreateRequest { Target = new Entity("account") { ["name"] = "allowed too" } },
        };

        var response = (ExecuteMultipleResponse)org.GetService(rep).Execute(new ExecuteMultipleRequest
        {
            Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        });

        Assert.True(response.IsFaulted);
        var fault = Assert.Single(response.Responses, r => r.Fault is not null);
        Assert.Equal(1, fault.RequestIndex);
        Assert.Equal(unchecked((int)0x80040220), fault.Fault.ErrorCode);
        Assert.Single(org.All("lead"));
        Assert.Single(org.All("account"));
        Assert.Empty(org.All("llc_setting"));
    }

    [Fact]
    public void A_custom_API_with_an_execute_privilege_runs_only_for_holders_of_that_privilege()
    {
        var api = new CustomApiDefinition("llc_WhoRan", "Who ran", null, 0, null, false, false, 0, typeof(WhoAmIApiPlugin).FullName,
            Array.Empty<CustomApiParameterDefinition>(), new[] { new CustomApiParameterDefinition("RanAs", "Ran as", 10, false, null, null) })
        {
            ExecutePrivilegeName = "prvCreatellc_setting",
        };
        var org = new TestSolution().WithSetting().Api(api).Step<WhoRunsPlugin>("llc_WhoRan", null, stage: 10)
            .Role("Setting maker", Grant("llc_setting", "Global", "Create")).Organization();
        var rep = org.CreateUser("Sally Sales", "Salesperson");
        var maker = org.CreateUser("Max Maker", "Setting maker");

        var error = Assert.Throws<DataverseFault>(() => org.GetService(rep).Execute(new OrganizationRequest("llc_WhoRan")));
        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.Contains("is missing prvCreatellc_setting privilege", error.Message);
        Assert.Single(org.Trace); // pre-validation ran before the check (it precedes every security check); nothing after it

        Assert.Equal(maker.ToString(), org.GetService(maker).Execute(new OrganizationRequest("llc_WhoRan")).Results["RanAs"]);
    }

    [Fact]
    public void The_solution_reader_takes_the_execute_privilege_and_the_run_as_user_from_the_package()
    {
        // A copy of the shipped source with an execute privilege on a custom API and a step running as SYSTEM.
        var source = Path.Combine(AppContext.BaseDirectory, "Solution", "src");
        var copy = Directory.CreateTempSubdirectory("llc-security-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var api = Path.Combine(copy, "customapis", "llc_SubmitMarketingForm", "customapi.xml");
            File.WriteAllText(api, File.ReadAllText(api).Replace("<executeprivilegename />", "<executeprivilegename>prvCreatellc_interaction</executeprivilegename>"));
            var step = Directory.EnumerateFiles(Path.Combine(copy, "SdkMessageProcessingSteps")).First();
            File.WriteAllText(step, File.ReadAllText(step).Replace("<InvocationSource>", "<ImpersonatingUserIdName>SYSTEM</ImpersonatingUserIdName>\n  <InvocationSource>"));

            var solution = SolutionReader.ReadSourceFolder(copy);

            Assert.Equal("prvCreatellc_interaction", Assert.Single(solution.CustomApis, a => a.UniqueName == "llc_SubmitMarketingForm").ExecutePrivilegeName);
            Assert.Equal("SYSTEM", Assert.Single(solution.Steps, s => s.ImpersonatingUserName is not null).ImpersonatingUserName);
        }
        finally { Directory.Delete(copy, recursive: true); }
    }
}
