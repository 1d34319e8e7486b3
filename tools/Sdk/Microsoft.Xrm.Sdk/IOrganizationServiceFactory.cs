using System;

namespace Microsoft.Xrm.Sdk;

public interface IOrganizationServiceFactory
{
    /// <summary>A service acting as <paramref name="userId"/>; null means the SYSTEM user.</summary>
    IOrganizationService CreateOrganizationService(Guid? userId);
}
