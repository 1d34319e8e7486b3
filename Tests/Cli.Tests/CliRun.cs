using System.Collections.Concurrent;

namespace LeadLifecycle.Cli.Tests;

/// <summary>Runs `llc` in-process as a user would, capturing what it prints and every wait it asks for.</summary>
public sealed class CliRun
{
    public required int ExitCode { get; init; }
    public required string Out { get; init; }
    public required string Error { get; init; }
    public required IReadOnlyList<TimeSpan> Waits { get; init; }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";

    public static async Task<CliRun> RunAsync(string[] args, IDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default, Func<LeadLifecycle.Cli.Auth.SignInOptions, LeadLifecycle.Cli.Auth.ITokenSource>? createTokenSource = null,
        int width = 200)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var waits = new ConcurrentQueue<TimeSpan>();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            // Wide by default, as a pipeline log would be (COLUMNS); the width-aware output is tested at 80.
            Console = CliHost.PlainConsole(output, width),
            GetEnvironmentVariable = name => environment?.TryGetValue(name, out var value) == true ? value : null,
            CreateHttpHandler = () => new SocketsHttpHandler { UseCookies = false },
            // Retry-After and poll intervals are honoured by asking the host to wait: recorded here, not slept.
            Delay = (wait, token) => { waits.Enqueue(wait); return Task.Delay(TimeSpan.Zero, token); },
        };
        if (createTokenSource is not null) host = new CliHost
        {
            Out = host.Out, Error = host.Error, Console = host.Console, GetEnvironmentVariable = host.GetEnvironmentVariable,
            CreateHttpHandler = host.CreateHttpHandler, Delay = host.Delay, CreateTokenSource = createTokenSource,
        };
        var exitCode = await CliApp.RunAsync(args, host, cancellationToken);
        return new CliRun { ExitCode = exitCode, Out = output.ToString(), Error = error.ToString(), Waits = [.. waits] };
    }

    /// <summary>The environment of a pipeline that signs in with a token obtained beforehand.</summary>
    public static Dictionary<string, string> TokenEnvironment(string token = LeadLifecycle.WebApiStandIn.StandInOrganization.AccessToken) =>
        new() { ["LLC_ACCESS_TOKEN"] = token };
}
