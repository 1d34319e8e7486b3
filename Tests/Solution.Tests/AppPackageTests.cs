using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The model-driven app "Lead Lifecycle" and what it shows, read from the zips the build produced.</summary>
public class AppPackageTests
{
    public static TheoryData<string> Zips => BuiltPackages.Kinds;

    private static IReadOnlyDictionary<string, SolutionDefinition> Packages => BuiltPackages.Read;

    private static readonly string[] ConfigurationTables =
    [
        "llc_scoringmodel", "llc_scoringrule", "llc_qualificationcriteria", "llc_qualificationcondition", "llc_matchingstrategy", "llc_retentionrule",
        "llc_marketingform", "llc_interaction", "llc_leadscore",
    ];

    private static IEnumerable<(string Area, string Group, SiteMapSubArea SubArea)> SubAreas(SolutionDefinition s) =>
        from area in s.SiteMaps.Single().Areas from g in area.Groups from sub in g.SubAreas select (area.Title, g.Title, sub);

    private static FormDefinition LeadForm(SolutionDefinition s) => s.Table("lead")!.Forms.Single(f => f.Type == "main");

    [Theory, MemberData(nameof(Zips))]
    public void The_app_is_named_lead_lifecycle_and_opens_its_site_map_for_sales_marketing_and_configuration_roles(string kind)
    {
        var s = Packages[kind];
        var app = Assert.Single(s.AppModules);
        Assert.Equal(("llc_LeadLifecycle", "Lead Lifecycle"), (app.UniqueName, app.DisplayName));
        Assert.Contains(app.Components, c => c.Type == ComponentType.SiteMap && c.SchemaName == s.SiteMaps.Single().UniqueName);
        // Shared with the shipped roles and with Dynamics 365's Salesperson and Sales Manager (role template ids).
        foreach (var role in s.Roles) Assert.Contains(role.Id, app.Roles);
        Assert.Contains(Guid.Parse("a4be89ff-7c35-4d69-9900-999c3f603e6f"), app.Roles);
        Assert.Contains(Guid.Parse("c0ed2f4f-6f92-4691-92ba-78f2931e8fba"), app.Roles);
        Assert.Contains(s.RootComponents, r => r.Type == ComponentType.AppModule && r.SchemaName == app.UniqueName);
        Assert.Contains(s.RootComponents, r => r.Type == ComponentType.SiteMap && r.SchemaName == app.UniqueName);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Sales_lists_leads_with_the_qualification_views_contacts_and_accounts_by_relationship_type_and_opportunities(string kind)
    {
        var s = Packages[kind];
        var sales = SubAreas(s).Where(x => x.Area == "Sales").Select(x => x.SubArea).ToList();
        string? ViewName(SiteMapSubArea sub, string table) => s.Table(table)!.Views.SingleOrDefault(v => v.Id == sub.ViewId)?.Name;

        Assert.Equal(["Sales", "Marketing", "Settings"], s.SiteMaps.Single().Areas.Select(a => a.Title));
        Assert.Contains(sales, x => x.Entity == "lead");
        Assert.Contains(sales, x => ViewName(x, "lead") == "Marketing Qualified Leads");
        Assert.Contains(sales, x => ViewName(x, "lead") == "Sales Ready Leads");
        Assert.Contains(sales, x => ViewName(x, "contact") == "Sales Contacts");
        Assert.Contains(sales, x => ViewName(x, "contact") == "Marketing Contacts");
        Assert.Contains(sales, x => ViewName(x, "account") == "Sales Accounts");
        Assert.Contains(sales, x => ViewName(x, "account") == "Marketing Accounts");
        Assert.Contains(sales, x => x.Entity == "opportunity");
        Assert.Contains(sales, x => x.DashboardId == s.Dashboards.Single().Id);
    }

    [Theory, MemberData(nameof(Zips))]
    public void Marketing_and_settings_reach_every_table_people_work_with_or_configure(string kind)
    {
        var s = Packages[kind];
        string[] Tables(string area) => SubAreas(s).Where(x => x.Area == area).Select(x => x.SubArea.Entity).OfType<string>().ToArray();

        Assert.Equal(["llc_interaction", "llc_leadscore", "llc_marketingform"], Tables("Marketing"));
        // llc_job: the background jobs admins watch (issue #19).
        Assert.Equal(["llc_scoringmodel", "llc_scoringrule", "llc_qualificationcriteria", "llc_qualificationcondition", "llc_matchingstrategy", "llc_retentionrule", "llc_job"],
            Tables("Settings"));
    }

    [Theory, MemberData(nameof(Zips))]
    public void Every_configuration_table_has_a_main_form_and_the_views_of_a_table(string kind)
    {
        var s = Packages[kind];
        foreach (var name in ConfigurationTables)
        {
            var table = s.Table(name)!;
            var form = Assert.Single(table.Forms, f => f.Type == "main");
            Assert.True(form.Controls.Count > 0, name);
            Assert.Equal((0, 0, true), (form.DisplayCondition!.Roles.Count, form.DisplayCondition.Order, form.DisplayCondition.IsFallback)); // everyone
            foreach (var view in new[] { "Active ", "Inactive ", "Quick Find Active ", " Lookup View", " Associated View", " Advanced Find View" })
                Assert.True(table.Views.Any(v => v.Name.Contains(view)), $"{name}: no view '{view.Trim()}'");
            Assert.Contains(table.Columns.Where(c => c.IsCustom && c.Type is not (ColumnType.PrimaryKey or ColumnType.Uniqueidentifier or ColumnType.State or ColumnType.Status)),
                c => form.Controls.Any(control => control.DataField == c.LogicalName));
        }
        Assert.Contains(s.Table("llc_scoringmodel")!.Forms.Single().SubGrids, g => g.TargetEntity == "llc_scoringrule" && g.RelationshipName == "llc_scoringmodel_scoringrule_modelid");
        Assert.Contains(s.Table("llc_qualificationcriteria")!.Forms.Single().SubGrids, g => g.TargetEntity == "llc_qualificationcondition");
    }

    [Theory, MemberData(nameof(Zips))]
    public void The_lead_form_heads_with_score_rating_sales_ready_and_status_reason(string kind)
    {
        var form = LeadForm(Packages[kind]);
        Assert.Equal(["llc_score", "leadqualitycode", "llc_salesready", "statuscode"], form.Header.Select(c => c.DataField));
        // Shown to everyone, after Microsoft's own lead form; the app opens it (its only lead form).
        Assert.Equal((0, 1, false), (form.DisplayCondition!.Roles.Count, form.DisplayCondition.Order, form.DisplayCondition.IsFallback));
    }

    [Theory, MemberData(nameof(Zips))]
    public void The_lead_form_shows_the_leads_scores_with_their_explanation_and_the_contacts_interactions(string kind)
    {
        var s = Packages[kind];
        var form = LeadForm(s);

        var scores = Assert.Single(form.SubGrids, g => g.TargetEntity == "llc_leadscore");
        Assert.Equal("llc_lead_leadscore_leadid", scores.RelationshipName);
        Assert.Contains("<cell name=\"llc_explanation\"", s.Table("llc_leadscore")!.Views.Single(v => v.Id == scores.ViewId).LayoutXml);

        // The contact's interactions: the contact quick view form on the parent contact lookup, which holds them.
        Assert.Contains("<control id=\"contactquickview\" classid=\"{5C5600E0-1D6E-4205-A272-BE80DA87FD42}\" datafieldname=\"parentcontactid\"", form.FormXml);
        var quick = s.Table("contact")!.Forms.Single(f => f.Type == "quick");
        Assert.Contains(quick.Id.ToString(), form.FormXml);
        var interactions = Assert.Single(quick.SubGrids);
        Assert.Equal(("llc_interaction", "llc_contact_interaction_contactid"), (interactions.TargetEntity, interactions.RelationshipName));
    }

    [Theory, MemberData(nameof(Zips))]
    public void The_dashboard_shows_the_funnel_the_score_distribution_and_the_relationship_types(string kind)
    {
        var s = Packages[kind];
        var dashboard = Assert.Single(s.Dashboards);
        var charts = s.Tables.SelectMany(t => t.Charts).ToDictionary(c => c.Id);
        var shown = dashboard.Controls.Where(c => c.ChartId is not null).Select(c => charts[c.ChartId!.Value]).ToList();

        Assert.Equal("Lead Lifecycle", dashboard.Name);
        Assert.Equal(["Lead Funnel", "Sales Ready Leads by Rating", "Lead Score Distribution", "Leads by Rating", "Lead Scores by Grade",
            "Contacts by Relationship Type", "Accounts by Relationship Type"], shown.Select(c => c.Name));
        var funnel = shown[0];
        Assert.Contains("ChartType=\"Funnel\"", funnel.PresentationDescription);
        Assert.Contains("name=\"statuscode\"", funnel.DataDescription); // New, Contacted, Marketing Qualified, Qualified
        Assert.Contains("attribute=\"llc_salesready\" operator=\"eq\" value=\"1\"", shown[1].DataDescription);
        Assert.Contains("groupby=\"true\" alias=\"groupby_column\" name=\"llc_score\"", shown[2].DataDescription);
        Assert.Contains("name=\"customertypecode\"", shown[5].DataDescription);
        Assert.Contains(dashboard.Controls, c => c.ChartGridMode == "Grid" && s.Table("lead")!.Views.Single(v => v.Id == c.ViewId).Name == "Sales Ready Leads");
        Assert.Contains(s.RootComponents, r => r.Type == ComponentType.SystemForm && r.Id == dashboard.Id);
    }

    [Theory, MemberData(nameof(Zips))]
    public void The_manifest_declares_what_the_solution_needs_from_dynamics_365_sales(string kind)
    {
        var s = Packages[kind];
        var sales = s.MissingDependencies.Where(d => d.Required.Solution?.StartsWith("msdynce_Sales ") == true).ToList();

        Assert.Contains(sales, d => d.Required is { Type: ComponentType.Entity, SchemaName: "lead" });
        Assert.Contains(sales, d => d.Required is { Type: ComponentType.Entity, SchemaName: "opportunity" });
        Assert.Contains(sales, d => d.Required is { Type: ComponentType.Attribute, SchemaName: "leadqualitycode", ParentSchemaName: "lead" });
        // Every step on a Sales table depends on it: the QualifyLead, Win and Lose steps among them.
        foreach (var step in s.Steps.Where(st => st.PrimaryEntity is "lead" or "opportunity"))
            Assert.Contains(sales, d => d.Dependent.Type == ComponentType.SdkMessageProcessingStep && d.Dependent.Id == step.Id && d.Required.SchemaName == step.PrimaryEntity);
    }
}
