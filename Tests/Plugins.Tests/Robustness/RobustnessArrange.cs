using LeadLifecycle.LocalOrg;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using static LeadLifecycle.Plugins.Tests.Scoring.ScoringArrange;

namespace LeadLifecycle.Plugins.Tests.Robustness;

/// <summary>
/// A fully configured organization for stress tests: a webinar form, a live contact-scope model (form submissions and
/// the lead's job title score), and live criteria that mark a lead Marketing Qualified at 20 and sales ready at 40.
/// Every feature's steps run, so the tests see how they interact.
/// </summary>
internal static class RobustnessArrange
{
    public const string FormId = "webinar-2026";

    public static LocalOrganization ConfiguredOrganization(SolutionDefinition? solution = null)
    {
        var org = solution is null ? LocalOrganization.Create() : LocalOrganization.Create(solution);
        if (solution is not null)
        {
            org.Initialize(LocalOrganization.Create().All("llc_matchingstrategy"));
        }
        var model = Model("Engagement", hot: 40, warm: 20, salesReady: 40);
        var mql = Criteria("MQL at 20", All, marketingQualified: true, salesReady: false);
        org.Initialize(
            Matching.MatchingArrange.Form(FormId),
            model,
            InteractionRule(model, FormSubmitted, 20),
            AttributeRule(model, "lead", "jobtitle", Contains, "Director", 20),
            mql,
            Condition(mql, model, 20));
        return org;
    }

    /// <summary>The columns the platform changes on every save, even one that changes no value.</summary>
    private static readonly HashSet<string> SaveStamps = new() { "versionnumber", "modifiedon", "modifiedby", "modifiedonbehalfby" };

    /// <summary>Every value stored in the tables a lifecycle operation writes (save stamps aside), to compare before and after.</summary>
    public static string Snapshot(LocalOrganization org) => string.Join("\n",
        new[] { "contact", "account", "lead", "llc_interaction", "llc_leadscore", "task", "opportunity" }
            .Select(t => t + ":" + string.Join(";", org.All(t).OrderBy(r => r.Id).Select(r =>
                r.Id + "{" + string.Join(",", r.Attributes.Where(a => !SaveStamps.Contains(a.Key)).OrderBy(a => a.Key).Select(a => a.Key + "=" + Describe(a.Value))) + "}"))));

    private static string Describe(object? value) => value switch
    {
        EntityReference r => r.LogicalName + "/" + r.Id,
        OptionSetValue o => o.Value.ToString(),
        Money m => m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
