namespace LeadLifecycle.Cli.Auth;

/// <summary>The organization to sign in to, the mode, and where the secrets come from (never the command line).</summary>
public sealed record SignInOptions(Uri OrganizationUrl, SignInMode Mode, Func<string, string?> GetEnvironmentVariable, TextWriter Out)
{
    public const string TenantIdVariable = "LLC_TENANT_ID";
    public const string ClientIdVariable = "LLC_CLIENT_ID";
    public const string ClientSecretVariable = "LLC_CLIENT_SECRET";
    public const string AccessTokenVariable = "LLC_ACCESS_TOKEN";

    /// <summary>The Dataverse scope: the organization URL with /.default (all delegated permissions of the app).</summary>
    public string Scope => new Uri(OrganizationUrl, "/.default").ToString();

    public SignInMode EffectiveMode => Mode != SignInMode.Auto ? Mode
        : Has(ClientSecretVariable) ? SignInMode.ClientSecret
        : Has(AccessTokenVariable) ? SignInMode.Token
        : SignInMode.Interactive;

    public string Require(string variable) => Variable(variable)
        ?? throw new SignInException($"Set the environment variable {variable} for --auth {EffectiveMode.ToOptionValue()} " +
                                     "(secrets are read from the environment, never from the command line).", isConfiguration: true);

    public string? Variable(string variable)
    {
        var value = GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private bool Has(string variable) => Variable(variable) is not null;
}

public static class SignInModeNames
{
    public static readonly string[] OptionValues = ["auto", "client-secret", "device-code", "interactive", "token"];

    public static string ToOptionValue(this SignInMode mode) => mode switch
    {
        SignInMode.ClientSecret => "client-secret",
        SignInMode.DeviceCode => "device-code",
        SignInMode.Interactive => "interactive",
        SignInMode.Token => "token",
        _ => "auto",
    };

    public static SignInMode Parse(string value) =>
        Enum.GetValues<SignInMode>().First(mode => mode.ToOptionValue() == value);
}
