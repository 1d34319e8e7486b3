using LeadLifecycle.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Hosting;

/// <summary>PluginBase: the pac plugin init shape every LeadLifecycle plug-in derives from.</summary>
public class PluginBaseTests
{
    private static readonly Guid CallingUser = Guid.NewGuid();
    private static readonly Guid InitiatingUser = Guid.NewGuid();

    [Fact]
    public void Gives_the_plugin_services_for_the_calling_and_the_initiating_user()
    {
        var (provider, factory, _) = Pipeline();
        var plugin = new CapturingPlugin();

        plugin.Execute(provider);

        ILocalPluginContext context = Assert.IsAssignableFrom<ILocalPluginContext>(plugin.Captured);
        Assert.Equal(CallingUser, ((UserBoundService)context.PluginUserService).UserId);
        Assert.Equal(InitiatingUser, ((UserBoundService)context.InitiatingUserService).UserId);
        Assert.Equal(new Guid?[] { CallingUser, InitiatingUser }, factory.RequestedUsers);
        Assert.Equal("Update", context.PluginExecutionContext.MessageName);
    }

    [Fact]
    public void Traces_entry_and_exit_with_the_plugin_class_name()
    {
        var (provider, _, tracing) = Pipeline();

        new CapturingPlugin().Execute(provider);

        Assert.StartsWith("[Execute] - Entered " + typeof(CapturingPlugin).FullName + ".Execute()", tracing.Lines.First());
        Assert.Equal("[Execute] - Exiting " + typeof(CapturingPlugin).FullName + ".Execute()", tracing.Lines.Last());
    }

    [Fact]
    public void Trace_text_with_braces_is_written_as_is()
    {
        var (provider, _, tracing) = Pipeline();

        new TracingPlugin("Matched {0} contacts {x}").Execute(provider);

        Assert.Contains("[ExecuteDataversePlugin] - Matched {0} contacts {x}", tracing.Lines);
    }

    [Fact]
    public void InvalidPluginExecutionException_reaches_the_caller_unchanged()
    {
        var (provider, _, tracing) = Pipeline();
        var thrown = new InvalidPluginExecutionException("Enter an email address.");

        var caught = Assert.Throws<InvalidPluginExecutionException>(() => new ThrowingPlugin(thrown).Execute(provider));

        Assert.Same(thrown, caught);
        Assert.StartsWith("[Execute] - Exiting", tracing.Lines.Last());
    }

    [Fact]
    public void Any_other_exception_becomes_an_InvalidPluginExecutionException_around_it()
    {
        var (provider, _, tracing) = Pipeline();
        var bug = new InvalidOperationException("Sequence contains no elements");

        var caught = Assert.Throws<InvalidPluginExecutionException>(() => new ThrowingPlugin(bug).Execute(provider));

        Assert.Same(bug, caught.InnerException);
        Assert.Contains(typeof(ThrowingPlugin).FullName!, caught.Message);
        Assert.Contains("Sequence contains no elements", caught.Message);
        Assert.DoesNotContain(tracing.Lines, line => line.Contains("Sequence contains no elements"));
    }

    [Fact]
    public void A_missing_service_provider_is_refused()
    {
        Assert.Throws<InvalidPluginExecutionException>(() => new CapturingPlugin().Execute(null!));
    }

    private static (ServiceProviderDouble Provider, RecordingServiceFactory Factory, RecordingTracingService Tracing) Pipeline()
    {
        var context = new RemoteExecutionContext
        {
            MessageName = "Update",
            PrimaryEntityName = "lead",
            UserId = CallingUser,
            InitiatingUserId = InitiatingUser,
            CorrelationId = Guid.NewGuid(),
        };
        var factory = new RecordingServiceFactory();
        var tracing = new RecordingTracingService();
        var provider = new ServiceProviderDouble()
            .With<IPluginExecutionContext>(context)
            .With<IOrganizationServiceFactory>(factory)
            .With<ITracingService>(tracing);
        return (provider, factory, tracing);
    }

    private sealed class CapturingPlugin : PluginBase
    {
        public CapturingPlugin() : base(typeof(CapturingPlugin))
        {
        }

        // Test-only: a real plug-in keeps no state (instances are cached by the platform).
        public ILocalPluginContext? Captured { get; private set; }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext) => Captured = localPluginContext;
    }

    private sealed class TracingPlugin : PluginBase
    {
        private readonly string _message;

        public TracingPlugin(string message) : base(typeof(TracingPlugin))
        {
            _message = message;
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext) => localPluginContext.Trace(_message);
    }

    private sealed class ThrowingPlugin : PluginBase
    {
        private readonly Exception _exception;

        public ThrowingPlugin(Exception exception) : base(typeof(ThrowingPlugin))
        {
            _exception = exception;
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext) => throw _exception;
    }
}
