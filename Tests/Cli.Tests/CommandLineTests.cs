namespace LeadLifecycle.Cli.Tests;

/// <summary>Usage errors exit 2 with a message, before anything is read or sent; --help works on every command.</summary>
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
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
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
