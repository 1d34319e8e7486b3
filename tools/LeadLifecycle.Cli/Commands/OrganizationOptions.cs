using System.CommandLine;
using LeadLifecycle.Cli.Auth;
using LeadLifecycle.Cli.WebApi;

namespace LeadLifecycle.Cli.Commands;

/// <summary>--url and --auth, shared by every command that talks to an organization.</summary>
internal sealed class OrganizationOptions
{
    public Option<string> Url { get; }

    public Option<string> Auth { get; } = new("--auth")
    {
        Description = "Sign-in: client-secret (LLC_TENANT_ID, LLC_CLIENT_ID, LLC_CLIENT_SECRET), device-code, interactive, " +
                      "token (LLC_ACCESS_TOKEN), or auto (the default: client-secret or token when their variables are set, else interactive)",
        DefaultValueFactory = _ => "auto",
    };

    public OrganizationOptions(bool urlRequired = true)
    {
        Url = new Option<string>("--url") { Description = "The organization, e.g. https://contoso.crm.dynamics.com", Required = urlRequired };
        Auth.AcceptOnlyFromAmong(SignInModeNames.OptionValues);
        Url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && ParseUrl(value, out var error) is null) result.AddError(error!);
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Auth);
    }

    public DataverseWebApi Connect(ParseResult parseResult, CliHost host)
    {
        var url = ParseUrl(parseResult.GetValue(Url), out _)!;
        var signIn = new SignInOptions(url, SignInModeNames.Parse(parseResult.GetValue(Auth)!), host.GetEnvironmentVariable, host.Out);
        return new DataverseWebApi(url, host.CreateTokenSource(signIn), host.CreateHttpHandler(), host.Delay);
    }

    /// <summary>An organization URL: https, or http only on this machine (loopback) for local stand-ins.</summary>
    public static Uri? ParseUrl(string? value, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"--url '{value}' is not an organization URL like https://contoso.crm.dynamics.com";
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            error = $"--url '{value}' must use https (plain http is accepted only for a stand-in on this machine)";
            return null;
        }
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
