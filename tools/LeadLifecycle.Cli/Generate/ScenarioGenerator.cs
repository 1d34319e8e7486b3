using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.Generate;

/// <summary>How big an organization <see cref="ScenarioGenerator"/> writes. The 100 % workload of issue #16 is the default.</summary>
public sealed record ScenarioSize(int Contacts = 2000, int Leads = 2000, int Interactions = 20000, int? Accounts = null, int Seed = 1)
{
    /// <summary>Accounts default to one per ten contacts (at least one when there are contacts).</summary>
    public int AccountCount => Accounts ?? (Contacts == 0 ? 0 : Math.Max(1, Contacts / 10));

    /// <summary>The 100 % workload (2,000 contacts, 2,000 leads, 20,000 interactions) times <paramref name="factor"/>.</summary>
    public static ScenarioSize Scaled(double factor, int seed = 1) => new(
        (int)Math.Round(2000 * factor), (int)Math.Round(2000 * factor), (int)Math.Round(20000 * factor), null, seed);
}

/// <summary>
/// Writes a `simulate` scenario (the contract's format) for an organization of a given size, deterministically from a
/// seed: the same size and seed always give the same file. It plays what a marketing organization does over about three
/// months, so that every part of the product runs on every lead:
/// a marketing form; a Live contact-scope scoring model (interaction and attribute rules) and Live "MQL at 40"
/// qualification criteria, both published before any lead exists; the accounts; the contacts (each in an account, with a
/// unique e-mail address); the leads, interleaved with the interactions as time passes — one lead in four through the
/// form-submission custom API (contact matched by e-mail, an interaction recorded), one in four created with its
/// parent contact, the others created with the contact's e-mail only (the matching plug-in links them); every
/// interaction re-scores its contact's open leads, which qualifies them and moves their business process flow; then
/// teleprospecting gates, QualifyLead, won and lost opportunities and disqualified leads for a share of the leads, and
/// finally 400 days pass (customer terms end, retention rules apply).
/// Interactions counts every llc_interaction, the ones form submissions record included.
/// </summary>
public static class ScenarioGenerator
{
    public const string Start = "2026-01-05T09:00:00Z";
    private const int Days = 90;

    private static readonly string[] FirstNames =
        ["Ana", "Ben", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Júlia", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás"];
    private static readonly string[] LastNames =
        ["Silva", "Okafor", "Wang", "Novak", "Berg", "Haddad", "Petrov", "Sato", "Müller", "García", "Mensah", "Costa", "Rossi", "Kim", "Dubois", "Nair"];
    private static readonly string[] JobTitles =
        ["Marketing Director", "Sales Manager", "Engineer", "Director of Operations", "Analyst", "CFO", "Buyer", "IT Director"];

    // Interaction types (contract: llc_interaction.llc_type) with their weights: opens and visits are common, attending rare.
    private static readonly (int Type, int Weight)[] InteractionTypes =
        [(754100000, 40), (754100001, 20), (754100003, 25), (754100004, 8), (754100005, 7)];

    /// <summary>Writes the scenario to <paramref name="output"/> (UTF-8, one step per line).</summary>
    public static void Write(ScenarioSize size, TextWriter output)
    {
        if (size.Contacts < 0 || size.Leads < 0 || size.Interactions < 0 || size.AccountCount < 0)
            throw new ArgumentOutOfRangeException(nameof(size), "Counts cannot be negative.");
        if (size.Leads > 0 && size.Contacts == 0)
            throw new ArgumentOutOfRangeException(nameof(size), "Leads need contacts: give at least one contact.");
        new Writer(size, output).Run();
    }

    public static string ToText(ScenarioSize size)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(size, text);
        return text.ToString();
    }

    private sealed class Writer(ScenarioSize size, TextWriter output)
    {
        private readonly Random _random = new(size.Seed);
        private readonly string?[] _openLeadOf = new string?[size.Contacts]; // contact index → key of its open lead
        private readonly List<string> _leads = new();
        private DateTime _clock = DateTime.Parse(Start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        private bool _first = true;
        private int _submissions;

        public void Run()
        {
            output.Write("{\n  \"start\": \"" + Start + "\",\n  \"steps\": [\n");
            Configuration();
            for (var a = 0; a < size.AccountCount; a++)
                Step(Create("account", $"a{a}", new JsonObject { ["name"] = $"Account {a:D5}", ["telephone1"] = $"+1 555 {a:D6}" }));
            for (var c = 0; c < size.Contacts; c++) Step(Create("contact", $"c{c}", Contact(c)));
            Activity();
            Pipeline();
            Step(new JsonObject { ["note"] = "Customer terms end and the retention rules apply", ["advance"] = "P400D" });
            output.Write("\n  ]\n}\n");
        }

        private void Configuration()
        {
            Step(Create("llc_marketingform", "webinar", new JsonObject { ["llc_name"] = "Webinar", ["llc_formid"] = "webinar-2026" }));
            Step(Create("llc_scoringmodel", "engagement", new JsonObject
            {
                ["llc_name"] = "Engagement", ["llc_status"] = Option(754100000), ["llc_scope"] = Option(754100000),
                ["llc_salesreadythreshold"] = 90, ["llc_hotthreshold"] = 70, ["llc_warmthreshold"] = 35,
            }));
            Rule("rule-form", "Submitted a form", 754100002, 20, maxCount: 2);
            Rule("rule-open", "Opened an email", 754100000, 2, maxCount: 5);
            Rule("rule-click", "Clicked an email", 754100001, 10, withinDays: 30);
            Rule("rule-visit", "Visited the website", 754100003, 5, withinDays: 14, maxCount: 4);
            Rule("rule-event", "Attended an event", 754100005, 30);
            Step(Create("llc_scoringrule", "rule-director", new JsonObject
            {
                ["llc_modelid"] = Ref("llc_scoringmodel", "engagement"), ["llc_name"] = "Director", ["llc_kind"] = Option(754100000),
                ["llc_table"] = "lead", ["llc_attribute"] = "jobtitle", ["llc_operator"] = Option(754100002), ["llc_value"] = "Director",
                ["llc_points"] = 10,
            }));
            Step(new JsonObject { ["update"] = "llc_scoringmodel", ["key"] = "engagement", ["fields"] = new JsonObject { ["llc_status"] = Option(754100001) } });
            Step(Create("llc_qualificationcriteria", "mql", new JsonObject
            {
                ["llc_name"] = "MQL at 40", ["llc_status"] = Option(754100000), ["llc_combine"] = Option(754100000),
                ["llc_setmarketingqualified"] = true, ["llc_setsalesready"] = false,
            }));
            Step(Create("llc_qualificationcondition", "mql-engagement", new JsonObject
            {
                ["llc_criteriaid"] = Ref("llc_qualificationcriteria", "mql"), ["llc_modelid"] = Ref("llc_scoringmodel", "engagement"),
                ["llc_minimumscore"] = 40,
            }));
            Step(new JsonObject { ["update"] = "llc_qualificationcriteria", ["key"] = "mql", ["fields"] = new JsonObject { ["llc_status"] = Option(754100001) } });
        }

        private void Rule(string key, string name, int interactionType, int points, int? withinDays = null, int? maxCount = null)
        {
            var fields = new JsonObject
            {
                ["llc_modelid"] = Ref("llc_scoringmodel", "engagement"), ["llc_name"] = name, ["llc_kind"] = Option(754100001),
                ["llc_interactiontype"] = Option(interactionType), ["llc_points"] = points,
            };
            if (withinDays is int days) fields["llc_withindays"] = days;
            if (maxCount is int max) fields["llc_maxcount"] = max;
            Step(Create("llc_scoringrule", key, fields));
        }

        private JsonObject Contact(int c) => new()
        {
            ["firstname"] = FirstName(c), ["lastname"] = LastName(c), ["emailaddress1"] = Email(c),
            ["jobtitle"] = JobTitles[_random.Next(JobTitles.Length)],
            ["parentcustomerid"] = size.AccountCount == 0 ? null : Ref("account", $"a{c % size.AccountCount}"),
        };

        /// <summary>Leads and interactions interleaved over <see cref="Days"/> days, a day passing every so many events.</summary>
        private void Activity()
        {
            // Submissions each record an interaction: they are counted in the interactions asked for.
            var submissions = Enumerable.Range(0, size.Leads).Count(IsSubmission);
            var interactions = Math.Max(0, size.Interactions - submissions);
            var events = size.Leads + interactions;
            var perDay = Math.Max(1, (int)Math.Ceiling(events / (double)Days));
            int lead = 0, interaction = 0;
            for (var e = 0; e < events; e++)
            {
                if (e > 0 && e % perDay == 0) Advance("P1D");
                // Leads come first within the event stream proportionally, so interactions find leads to score.
                var leadDue = size.Leads > 0 && (long)lead * events <= (long)e * size.Leads && lead < size.Leads;
                if ((leadDue || interaction >= interactions) && lead < size.Leads) Lead(lead++);
                else Interaction(interaction++);
            }
        }

        // Only a contact's first lead can come through the form: a second submission would update the open lead.
        private bool IsSubmission(int lead) => lead % 4 == 0 && lead < size.Contacts;

        private void Lead(int l)
        {
            var c = l % size.Contacts;
            var subject = $"Interest {l:D6}";
            if (IsSubmission(l))
            {
                // A form submission: the contact is matched by e-mail, a lead created and an interaction recorded.
                var key = $"s{l}";
                Step(new JsonObject
                {
                    ["execute"] = "llc_SubmitMarketingForm", ["key"] = key,
                    ["parameters"] = new JsonObject
                    {
                        ["FormId"] = "webinar-2026",
                        ["Submission"] = new JsonObject
                        {
                            ["entity"] = "lead",
                            ["fields"] = new JsonObject
                            {
                                ["firstname"] = FirstName(c), ["lastname"] = LastName(c), ["emailaddress1"] = Email(c),
                                ["jobtitle"] = JobTitles[_random.Next(JobTitles.Length)], ["subject"] = subject,
                            },
                        },
                    },
                });
                Opened(c, key + ".LeadId");
                _submissions++;
                return;
            }
            var fields = new JsonObject { ["subject"] = subject, ["firstname"] = FirstName(c), ["lastname"] = LastName(c) };
            if (l % 4 == 1) fields["parentcontactid"] = Ref("contact", $"c{c}");
            else fields["emailaddress1"] = Email(c); // the matching plug-in finds the contact by e-mail
            if (_random.Next(3) == 0) fields["jobtitle"] = JobTitles[_random.Next(JobTitles.Length)];
            Step(Create("lead", $"l{l}", fields));
            Opened(c, $"l{l}");
        }

        private void Opened(int contact, string leadKey)
        {
            _openLeadOf[contact] = leadKey;
            _leads.Add(leadKey);
        }

        private void Interaction(int i)
        {
            var c = _random.Next(size.Contacts);
            var type = WeightedType();
            var fields = new JsonObject
            {
                ["llc_contactid"] = Ref("contact", $"c{c}"), ["llc_type"] = Option(type),
                ["llc_occurredon"] = new JsonObject { ["date"] = Date(_clock.AddMinutes(-_random.Next(0, 72 * 60))) },
                ["llc_sourceid"] = $"src-{i:D7}",
            };
            if (_openLeadOf[c] is { } lead && _random.Next(2) == 0) fields["llc_leadid"] = Ref("lead", lead);
            Step(new JsonObject { ["create"] = "llc_interaction", ["fields"] = fields });
        }

        /// <summary>After the activity: a share of the leads goes through teleprospecting, qualification, won or lost.</summary>
        private void Pipeline()
        {
            Advance("P1D");
            for (var n = 0; n < _leads.Count; n++)
            {
                var lead = _leads[n];
                switch (n % 20)
                {
                    case 3: // handed to teleprospecting, accepted there
                        Step(Update(lead, new JsonObject { ["llc_teleprospectready"] = true }));
                        Step(Update(lead, new JsonObject { ["llc_teleprospectaccepted"] = true }));
                        break;
                    case 7: // qualified into an opportunity, later won
                    case 11: // qualified, later lost
                    {
                        var q = $"q{n}";
                        Step(new JsonObject
                        {
                            ["execute"] = "QualifyLead", ["key"] = q,
                            ["parameters"] = new JsonObject
                            {
                                ["LeadId"] = Ref("lead", lead), ["CreateAccount"] = false, ["CreateContact"] = false,
                                ["CreateOpportunity"] = true, ["Status"] = Option(3),
                            },
                        });
                        var won = n % 20 == 7;
                        Step(new JsonObject
                        {
                            ["execute"] = won ? "WinOpportunity" : "LoseOpportunity",
                            ["parameters"] = new JsonObject
                            {
                                ["OpportunityClose"] = new JsonObject
                                {
                                    ["entity"] = "opportunityclose",
                                    ["fields"] = new JsonObject
                                    {
                                        ["opportunityid"] = Ref("opportunity", q + ".opportunity"),
                                        ["subject"] = won ? "Won" : "Lost", ["actualend"] = new JsonObject { ["date"] = Date(_clock.Date) },
                                    },
                                },
                                ["Status"] = Option(won ? 3 : 5),
                            },
                        });
                        break;
                    }
                    case 15: // no longer interested
                        Step(new JsonObject { ["setstate"] = "lead", ["key"] = lead, ["state"] = 2, ["status"] = 6 });
                        break;
                }
            }
        }

        private int WeightedType()
        {
            var total = InteractionTypes.Sum(t => t.Weight);
            var pick = _random.Next(total);
            foreach (var (type, weight) in InteractionTypes)
            {
                if (pick < weight) return type;
                pick -= weight;
            }
            return InteractionTypes[^1].Type;
        }

        private void Advance(string duration)
        {
            _clock += Simulate.IsoDuration.Measure(duration, _clock);
            Step(new JsonObject { ["advance"] = duration });
        }

        private void Step(JsonObject step)
        {
            if (!_first) output.Write(",\n");
            _first = false;
            output.Write("    ");
            output.Write(step.ToJsonString());
        }

        private static JsonObject Create(string table, string key, JsonObject fields) =>
            new() { ["create"] = table, ["key"] = key, ["fields"] = fields };

        private static JsonObject Update(string leadKey, JsonObject fields) =>
            new() { ["update"] = "lead", ["key"] = leadKey, ["fields"] = fields };

        private static JsonObject Ref(string table, string key) => new() { ["ref"] = table, ["key"] = key };
        private static JsonObject Option(int value) => new() { ["option"] = value };
        private static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        private static string FirstName(int c) => FirstNames[c % FirstNames.Length];
        private static string LastName(int c) => LastNames[c / FirstNames.Length % LastNames.Length];
        private static string Email(int c) => $"{Ascii(FirstName(c))}.{Ascii(LastName(c))}.{c}@example{c % 50}.com".ToLowerInvariant();

        private static string Ascii(string text)
        {
            var builder = new StringBuilder();
            foreach (var ch in text.Normalize(NormalizationForm.FormD))
                if (ch < 128) builder.Append(ch);
            return builder.ToString();
        }
    }
}
