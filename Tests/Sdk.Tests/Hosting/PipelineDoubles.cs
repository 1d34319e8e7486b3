using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Sdk.Tests.Hosting;

/// <summary>The services Dataverse hands a plug-in, reduced to what PluginBase / WorkflowActivityBase resolve.</summary>
internal sealed class ServiceProviderDouble : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = new();

    public ServiceProviderDouble With<T>(T service) where T : class
    {
        _services[typeof(T)] = service;
        return this;
    }

    public object? GetService(Type serviceType) => _services.TryGetValue(serviceType, out object? service) ? service : null;
}

/// <summary>Records trace lines, formatting them as the platform does (composite format + args).</summary>
internal sealed class RecordingTracingService : ITracingService
{
    public List<string> Lines { get; } = new();

    public void Trace(string format, params object[] args) => Lines.Add(args.Length == 0 ? format : string.Format(format, args));
}

/// <summary>Hands out one service per user id and remembers which user ids were asked for.</summary>
internal sealed class RecordingServiceFactory : IOrganizationServiceFactory
{
    public List<Guid?> RequestedUsers { get; } = new();

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        RequestedUsers.Add(userId);
        return new UserBoundService(userId);
    }
}

/// <summary>A service that only knows whom it acts for; the hosting tests make no data calls.</summary>
internal sealed class UserBoundService : IOrganizationService
{
    public UserBoundService(Guid? userId)
    {
        UserId = userId;
    }

    public Guid? UserId { get; }

    public Guid Create(Entity entity) => throw NotUsed();

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw NotUsed();

    public void Update(Entity entity) => throw NotUsed();

    public void Delete(string entityName, Guid id) => throw NotUsed();

    public OrganizationResponse Execute(OrganizationRequest request) => throw NotUsed();

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw NotUsed();

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw NotUsed();

    public EntityCollection RetrieveMultiple(QueryBase query) => throw NotUsed();

    private static NotSupportedException NotUsed() => new("The hosting tests make no data calls.");
}
