using LeadLifecycle.Cli.Auth;
using Microsoft.Identity.Client;

namespace LeadLifecycle.Cli.Tests;

/// <summary>Usage errors exit 2 with one clear message, before anything is read or sent; --help works on every command.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("deploy")]                                                           // no zip, no --url
    [InlineData("deploy", "x.zip")]                                                  // no --url
    [InlineData("deploy", "x.zip", "--url", "not a url")]
    [InlineData("deploy", "x.zip", "--url", "http://contoso.crm.dynamics.com")]      // http only for loopback
    [InlineData("deploy", "x.zip", "--url", "https://contoso.crm.dynamics.com", "--client-secret", "s3cret")] // secrets never as arguments
    [InlineData("recompute", "--url", "https://contoso.crm.dynamics.com", "--table", "lead")]
    [InlineData("recompute", "--url", "https://contoso.crm.dynamics.com", "--page-size", "0")]
    [InlineData("recompute", "--url", "https://contoso.crm.dynamics.com", "--auth", "password")]
    [InlineData("migrate-relationship-types", "--url", "https://contoso.crm.dynamics.com", "--dry-run", "extra")]
    [InlineData("simulate", "--bogus")]
    [InlineData("check", "--bogus")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public async Task Llc_alone_shows_the_commands()
    {
        var run = await CliRun.RunAsync([]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
        Assert.Contains("simulate", run.Out);
        Assert.Contains("whatif", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task An_unknown_command_gets_one_error_and_where_to_look()
    {
        var run = await CliRun.RunAsync(["frobnicate"]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("error: 'frobnicate' is not an llc command; the commands are simulate, check, deploy, recompute, " +
                     "migrate-relationship-types, whatif, generate-scenario", lines[0].TrimEnd('\r'));
        Assert.StartsWith("Run `llc --help`", lines[1]);
    }

    [Fact]
    public async Task A_mistyped_command_gets_a_suggestion()
    {
        var run = await CliRun.RunAsync(["simulat"]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("'simulat' is not an llc command — did you mean 'simulate'?", run.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_not_taken_for_a_file()
    {
        var run = await CliRun.RunAsync(["simulate", "--bogus"]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.StartsWith("error: unknown option '--bogus' for `llc simulate`", run.Error);
        Assert.DoesNotContain("cannot be read", run.Error);
        Assert.Contains("Run `llc simulate --help`", run.Error);
    }

    [Fact]
    public async Task Client_secret_sign_in_without_its_environment_variables_exits_2_naming_them()
    {
        var run = await CliRun.RunAsync(["recompute", "--url", "https://contoso.crm.dynamics.com", "--auth", "client-secret"]);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("LLC_CLIENT_ID", run.Error);
        Assert.Contains("never from the command line", run.Error);
    }

    [Theory]
    [InlineData(MsalError.LinuxXdgOpen)]
    [InlineData(MsalError.WebviewUnavailable)]
    public void Interactive_sign_in_without_a_browser_points_to_device_code(string errorCode)
    {
        var failure = TokenSources.SignInFailure(new MsalClientException(errorCode, "Unable to open a web page using xdg-open."), SignInMode.Interactive);

        Assert.Contains($"Sign-in failed ({errorCode})", failure.Message);
        Assert.Contains("use --auth device-code", failure.Message);
        Assert.False(failure.IsConfiguration);
    }

    [Fact]
    public void Other_sign_in_failures_keep_the_identity_platforms_message_only()
    {
        var failure = TokenSources.SignInFailure(new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided."), SignInMode.ClientSecret);

        Assert.Equal("Sign-in failed (invalid_client): AADSTS7000215: Invalid client secret provided.", failure.Message);
    }

    [Fact]
    public async Task A_headless_interactive_sign_in_exits_3_with_the_device_code_hint()
    {
        var environment = new Dictionary<string, string>();
        var folder = Directory.CreateTempSubdirectory("llc-headless-").FullName;
        var run = await CliRun.RunAsync(["recompute", "--url", "https://contoso.crm.dynamics.com", "--checkpoint-dir", folder], environment,
            createTokenSource: options => TokenSources.Msal(options.EffectiveMode,
                _ => throw new MsalClientException(MsalError.LinuxXdgOpen, "Unable to open a web page using xdg-open, gnome-open, kfmclient or wslview tools.")));

        Assert.Equal(ExitCodes.SignInFailed, run.ExitCode);
        Assert.Contains("linux_xdg_open_failed", run.Error);
        Assert.Contains("use --auth device-code", run.Error);
        Assert.Empty(Directory.GetFiles(folder)); // nothing done, no checkpoint left behind
        Directory.Delete(folder);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("check")]
    [InlineData("deploy")]
    [InlineData("recompute")]
    [InlineData("migrate-relationship-types")]
    [InlineData("whatif")]
    public async Task Every_command_has_help(string command)
    {
        var run = await CliRun.RunAsync([command, "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches($@"Usage:\s+\S+ {command}\b", run.Out);
    }
}
