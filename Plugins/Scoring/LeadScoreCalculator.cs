using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Contract: score = Σ points of attribute rules that hold + Σ interaction points × matching count
    /// (window and cap applied). Every rule's contribution goes into the explanation.
    /// </summary>
    public sealed class LeadScoreCalculator
    {
        private readonly InteractionCounter counter;

        public LeadScoreCalculator(InteractionCounter counter) { this.counter = counter; }

        public ModelScore Score(ScoringModel model, LeadFacts facts)
        {
            var scope = InteractionScope.For(model, facts.ParentContactId, facts.ParentAccountId);
            counter.CountAhead(scope, model.Rules);
            var lines = new List<string>();
            // Summed in 64 bits and saturated to the whole-number column's range (issue #20 item 8): a score never wraps
            // round to the other sign (2,147,483,000 points × 2 must not come out as -1,296, Hot turned Cold).
            long sum = 0;
            DateTime? nextChange = null;

            foreach (var rule in model.Rules)
            {
                long points;
                string why;
                if (rule.IsInteractionRule)
                {
                    var tally = counter.Count(scope, rule);
                    var counted = rule.MaxCount.HasValue ? Math.Min(tally.Count, Math.Max(0, rule.MaxCount.Value)) : tally.Count;
                    points = (long)counted * rule.Points;
                    why = DescribeInteractions(rule, tally.Count, counted);
                    if (rule.Points != 0 && counted > 0) nextChange = Earliest(nextChange, tally.LeavesWindowOn);
                }
                else
                {
                    var test = AttributeRuleEvaluator.Test(rule, facts.ValueFor(rule));
                    points = test.Holds ? rule.Points : 0;
                    why = DescribeAttribute(rule, test);
                }
                sum += points;
                lines.Add($"{Signed(points)}  {rule.Name}: {why}");
            }
            var total = Saturate(sum);

            var header = $"{model.Name}: {total} points, {Contract.Rating.Label(model.GradeFor(total))}" +
                         (model.IsSalesReady(total) ? ", sales ready" : "") + $" ({lines.Count} rules)";
            var text = new StringBuilder(header);
            foreach (var line in lines) text.Append('\n').Append(line);
            return new ModelScore(model, total, text.ToString(), nextChange);
        }

        private static string DescribeAttribute(ScoringRule rule, AttributeTest test)
        {
            var column = (rule.Table ?? Contract.Lead.LogicalName) + "." + rule.Attribute;
            var condition = rule.Operator == Contract.RuleOperator.HasValue
                ? $"{column} has a value"
                : $"{column} {Contract.RuleOperator.Label(rule.Operator)} '{rule.Value}'";
            if (test.Problem != null) return $"{condition} cannot be tested: {test.Problem}";
            return condition + (test.Holds ? "" : " — does not hold");
        }

        private static string DescribeInteractions(ScoringRule rule, int found, int counted)
        {
            var window = rule.WithinDays.HasValue ? $" in the last {rule.WithinDays} days" : "";
            var cap = rule.MaxCount.HasValue && found > counted ? $", capped at {rule.MaxCount}" : "";
            return $"{found} × {Contract.InteractionType.Label(rule.InteractionType)}{window}{cap} at {rule.Points} points each";
        }

        /// <summary>The score as the whole-number column holds it: the sum, or the column's bound it went past.</summary>
        public static int Saturate(long sum) =>
            sum > int.MaxValue ? int.MaxValue : sum < int.MinValue ? int.MinValue : (int)sum;

        private static string Signed(long points) =>
            (points > 0 ? "+" : "") + points.ToString(CultureInfo.InvariantCulture);

        private static DateTime? Earliest(DateTime? a, DateTime? b) =>
            !a.HasValue ? b : !b.HasValue ? a : (a.Value <= b.Value ? a : b);
    }

    /// <summary>A lead's score under one model: what an llc_leadscore row holds.</summary>
    /// <param name="NextChangeOn">When an interaction counted here leaves its window, so the score may change by time alone.</param>
    public sealed record ModelScore(ScoringModel Model, int Score, string Explanation, DateTime? NextChangeOn)
    {
        public int Grade => Model.GradeFor(Score);

        public bool SalesReady => Model.IsSalesReady(Score);
    }
}
