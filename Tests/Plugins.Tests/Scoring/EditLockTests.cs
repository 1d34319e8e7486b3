using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>Models and rules are edited only while Draft or Stopped; a model goes Live only when it can score.</summary>
public class EditLockTests : LeadLifecycleTest
{
    private (LocalOrganization Org, IOrganizationService Service, Entity Model, Entity Rule) LiveModel()
    {
        var org = Org;
        var model = Model("Fit", Live, hot: 50, warm: 20);
        var rule = AttributeRule(model, "lead", "jobtitle", HasValue, null, 10);
        org.Initialize(model, rule);
        return (org, org.GetService(), model, rule);
    }

    [Fact]
    public void Changing_a_live_models_threshold_fails_with_a_message_to_stop_it_first()
    {
        var (org, service, model, _) = LiveModel();

        var error = Assert.ThrowsAny<Exception>(() => service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_hotthreshold"] = 60 }));

        Assert.Contains("Stopped first", error.Message);
        Assert.Equal(50, org.Get("llc_scoringmodel", model.Id).GetAttributeValue<int>("llc_hotthreshold"));
    }

    [Fact]
    public void Adding_changing_or_deleting_a_rule_of_a_live_model_fails()
    {
        var (org, service, model, rule) = LiveModel();

        Assert.Contains("Stop the scoring model first", Assert.ThrowsAny<Exception>(() =>
            service.Create(InteractionRule(model, EmailOpened, 1))).Message);
        Assert.Contains("Stop the scoring model first", Assert.ThrowsAny<Exception>(() =>
            service.Update(new Entity("llc_scoringrule", rule.Id) { ["llc_points"] = 99 })).Message);
        Assert.Contains("Stop the scoring model first", Assert.ThrowsAny<Exception>(() =>
            service.Delete("llc_scoringrule", rule.Id)).Message);
        Assert.Equal(10, org.Get("llc_scoringrule", rule.Id).GetAttributeValue<int>("llc_points"));
    }

    [Fact]
    public void A_live_model_cannot_be_deleted_but_can_be_stopped_edited_and_published_again()
    {
        var (org, service, model, rule) = LiveModel();
        Assert.ThrowsAny<Exception>(() => service.Delete("llc_scoringmodel", model.Id));

        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Stopped) });
        service.Update(new Entity("llc_scoringrule", rule.Id) { ["llc_points"] = 15 });
        service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_hotthreshold"] = 70, ["llc_status"] = new OptionSetValue(Live) });

        Assert.Equal(15, org.Get("llc_scoringrule", rule.Id).GetAttributeValue<int>("llc_points"));
        Assert.Equal(Live, org.Get("llc_scoringmodel", model.Id).GetAttributeValue<OptionSetValue>("llc_status").Value);
    }

    [Fact]
    public void A_live_model_goes_to_stopped_not_back_to_draft()
    {
        var (org, service, model, _) = LiveModel();

        var error = Assert.ThrowsAny<Exception>(() =>
            service.Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Draft) }));

        Assert.Contains("Set its Status to Stopped instead of Draft", error.Message);
        Assert.Equal(Live, org.Get("llc_scoringmodel", model.Id).GetAttributeValue<OptionSetValue>("llc_status").Value);
    }

    [Fact]
    public void A_model_whose_hot_threshold_is_below_warm_cannot_go_live()
    {
        var org = Org;
        var model = Model("Upside down", Draft, hot: 10, warm: 50);
        org.Initialize(model, AttributeRule(model, "lead", "subject", HasValue, null, 1));

        var error = Assert.ThrowsAny<Exception>(() =>
            org.GetService().Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) }));

        Assert.Contains("Hot must be at least Warm", error.Message);
    }

    [Fact]
    public void A_model_without_rules_cannot_go_live()
    {
        var org = Org;
        var model = Model("Empty", Draft);
        org.Initialize(model);

        var error = Assert.ThrowsAny<Exception>(() =>
            org.GetService().Update(new Entity("llc_scoringmodel", model.Id) { ["llc_status"] = new OptionSetValue(Live) }));

        Assert.Contains("add at least one rule", error.Message);
    }

    [Theory]
    [InlineData("lead", "description", "Scoring can't use the lead column 'description'")]
    [InlineData("opportunity", "name", "set Table to lead, contact or account")]
    public void A_rule_on_a_column_scoring_does_not_watch_is_refused(string table, string column, string message)
    {
        var org = Org;
        var model = Model("Fit", Draft);
        org.Initialize(model);

        var error = Assert.ThrowsAny<Exception>(() => org.GetService().Create(AttributeRule(model, table, column, HasValue, null, 1)));

        Assert.Contains(message, error.Message);
        Assert.Empty(org.All("llc_scoringrule"));
    }

    [Fact]
    public void A_one_of_rule_without_a_list_is_refused()
    {
        var org = Org;
        var model = Model("Fit", Draft);
        org.Initialize(model);

        var error = Assert.ThrowsAny<Exception>(() => org.GetService().Create(AttributeRule(model, "lead", "address1_country", OneOf, " ", 1)));

        Assert.Contains("a list separated by ';'", error.Message);
    }
}
