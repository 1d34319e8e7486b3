using LeadLifecycle.Cli.Auth;
using Spectre.Console;

namespace LeadLifecycle.Cli;

/// <summary>
/// Everything a command touches outside itself: the console, environment variables, the HTTP stack,
/// how to sign in and how to wait. The process uses the real ones; tests pass their own.
/// </summary>
public sealed class CliHost
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    /// <summary>Rich output (tables, progress bars); plain text when the output is redirected.</summary>
    public required IAnsiConsole Console { get; init; }
    public required Func<string, string?> GetEnvironmentVariable { get; init; }
    /// <summary>Creates the HTTP handler for Web API calls (tests: a plain handler to the loopback stand-in).</summary>
    public Func<HttpMessageHandler> CreateHttpHandler { get; init; } = DefaultHttpHandler;
    /// <summary>Waits between retries and polls; tests record the waits instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
    /// <summary>Builds the token source for a sign-in mode; the default uses MSAL.</summary>
    public Func<SignInOptions, ITokenSource> CreateTokenSource { get; init; } = TokenSources.Create;

    public static CliHost FromProcess() => new()
    {
        Out = System.Console.Out,
        Error = System.Console.Error,
        // A terminal: its own width (Spectre measures it). Redirected to a file or a pipeline log: plain text, as wide
        // as COLUMNS says, else 80 columns.
        Console = System.Console.IsOutputRedirected
            ? PlainConsole(System.Console.Out, int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : DefaultWidth)
            : AnsiConsole.Console,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };

    /// <summary>The width of plain output when nothing says otherwise: what every terminal shows.</summary>
    public const int DefaultWidth = 80;

    /// <summary>A console writing plain text (no colours, no live progress) to the given writer, <paramref name="width"/> columns wide.</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer, int width = DefaultWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    // Parallel bulk work must not be pinned to one server by the affinity cookie
    // (learn.microsoft.com/power-apps/developer/data-platform/send-parallel-requests, "Server affinity").
    private static HttpMessageHandler DefaultHttpHandler() => new SocketsHttpHandler
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
    };
}
