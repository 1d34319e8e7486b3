using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Tests.Messages;

/// <summary>A custom API runs its plug-in type as the main operation and checks its parameters against the definition.</summary>
public class CustomApiTests
{
    private static readonly CustomApiDefinition Echo = new("llc_Echo", "Echo", null, 0, null, false, false, 0, typeof(EchoApiPlugin).FullName,
        new[]
        {
            new CustomApiParameterDefinition("FormId", "Form ID", 10, false, null, null),
            new CustomApiParameterDefinition("Submission", "Submission", 3, false, "lead", null),
            new CustomApiParameterDefinition("Note", "Note", 10, true, null, null),
        },
        new[]
        {
            new CustomApiParameterDefinition("Echo", "Echo", 10, false, null, null),
            new CustomApiParameterDefinition("AttributeCount", "Attribute count", 7, false, null, null),
        });

    private readonly LocalOrganization _org = new TestSolution().Api(Echo).Step<ContextTracePlugin>("llc_Echo", null, stage: 40).Organization();

    private static OrganizationRequest Request(object? formId, object? submission)
    {
        var request = new OrganizationRequest("llc_Echo");
        if (formId is not null) request["FormId"] = formId;
        if (submission is not null) request["Submission"] = submission;
        return request;
    }

    [Fact]
    public void Runs_the_main_operation_and_returns_its_outputs_and_steps_run_around_it()
    {
        var response = _org.GetService().Execute(Request("spring", new Entity("lead") { ["subject"] = "Hi", ["lastname"] = "Rivera" }));
        Assert.Equal("spring", response.Results["Echo"]);
        Assert.Equal(2, response.Results["AttributeCount"]);
        Assert.Contains("message llc_Echo stage 40 mode 0 depth 1 transaction True", _org.Trace);
    }

    [Fact]
    public void A_missing_required_parameter_is_refused()
    {
        var error = Assert.Throws<DataverseFault>(() => _org.GetService().Execute(Request("spring", null)));
        Assert.Contains("'Submission'", error.Message);
    }

    [Fact]
    public void A_parameter_of_the_wrong_type_or_table_is_refused()
    {
        Assert.Contains("must be of type String", Assert.Throws<DataverseFault>(() => _org.GetService().Execute(Request(42, new Entity("lead")))).Message);
        Assert.Contains("must be a lead record", Assert.Throws<DataverseFault>(() => _org.GetService().Execute(Request("spring", new Entity("contact")))).Message);
    }

    [Fact]
    public void An_undeclared_parameter_is_refused()
    {
        var request = Request("spring", new Entity("lead"));
        request["Extra"] = true;
        Assert.Contains("'Extra'", Assert.Throws<DataverseFault>(() => _org.GetService().Execute(request)).Message);
    }
}
