using System.CommandLine;
using System.Text;
using LeadLifecycle.Cli.Generate;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>
/// `llc generate-scenario --contacts N --leads N --interactions N [--accounts N] [--scale F] [--seed S] --out FILE`:
/// writes a `simulate` scenario for an organization of that size (see <see cref="ScenarioGenerator"/>), the same file
/// for the same arguments. The benchmarks use it; admins use it to try the product on data shaped like their own.
/// </summary>
internal static class GenerateScenarioCommand
{
    public static Command Create(CliHost host)
    {
        var scale = new Option<double?>("--scale") { Description = "A multiple of the 100 % workload (2,000 contacts, 2,000 leads, 20,000 interactions): 0.1, 1, 4, ... The counts below override it" };
        var contacts = new Option<int?>("--contacts") { Description = "Contacts (default 2,000 × scale)" };
        var leads = new Option<int?>("--leads") { Description = "Leads (default 2,000 × scale)" };
        var interactions = new Option<int?>("--interactions") { Description = "Interactions, those recorded by form submissions included (default 20,000 × scale)" };
        var accounts = new Option<int?>("--accounts") { Description = "Accounts (default: one per ten contacts)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices: the same arguments and seed give the same file", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The scenario file to write", Required = true };
        var command = new Command("generate-scenario",
            "Write a simulate scenario for an organization of a given size: a Live scoring model and qualification criteria, accounts, " +
            "contacts, leads (form submissions, matched by e-mail, or linked) interleaved with interactions over 90 days, then " +
            "teleprospecting, qualified, won, lost and disqualified leads and 400 days of retention. Deterministic for a seed.")
        {
            scale, contacts, leads, interactions, accounts, seed, output,
        };
        command.SetAction(parseResult =>
        {
            var factor = parseResult.GetValue(scale) ?? 1.0;
            var baseline = ScenarioSize.Scaled(factor);
            var size = new ScenarioSize(
                parseResult.GetValue(contacts) ?? baseline.Contacts,
                parseResult.GetValue(leads) ?? baseline.Leads,
                parseResult.GetValue(interactions) ?? baseline.Interactions,
                parseResult.GetValue(accounts),
                parseResult.GetValue(seed));
            if (factor < 0 || size.Contacts < 0 || size.Leads < 0 || size.Interactions < 0 || size.AccountCount < 0)
            {
                host.Error.WriteLine("error: --scale and the counts cannot be negative.");
                return ExitCodes.BadArguments;
            }
            if (size.Leads > 0 && size.Contacts == 0)
            {
                host.Error.WriteLine("error: leads need contacts: give --contacts of at least 1.");
                return ExitCodes.BadArguments;
            }
            var path = parseResult.GetValue(output)!;
            try
            {
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                    ScenarioGenerator.Write(size, writer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                host.Error.WriteLine($"error: cannot write '{path}': {ex.Message}");
                return ExitCodes.Failure;
            }
            host.Console.WriteLine($"Scenario written to {path}: {size.AccountCount:N0} accounts, {size.Contacts:N0} contacts, " +
                                   $"{size.Leads:N0} leads, {size.Interactions:N0} interactions (seed {size.Seed}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
