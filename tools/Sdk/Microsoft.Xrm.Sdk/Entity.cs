using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>A record (late bound), or the base of early-bound classes.</summary>
[DataContract(Name = "Entity", Namespace = ContractNamespaces.Xrm2011)]
public class Entity : IExtensibleDataObject
{
    private AttributeCollection _attributes = new AttributeCollection();
    private FormattedValueCollection _formattedValues = new FormattedValueCollection();
    private RelatedEntityCollection _relatedEntities = new RelatedEntityCollection();
    private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

    public Entity()
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        _keyAttributes[keyName] = keyValue;
    }

    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        _keyAttributes = keyAttributes;
    }

    [DataMember]
    public string LogicalName { get; set; }

    /// <summary>The record id. Independent of the primary-key attribute in <see cref="Attributes"/>, as in the official SDK.</summary>
    [DataMember]
    public virtual Guid Id { get; set; }

    [DataMember]
    public AttributeCollection Attributes
    {
        get => _attributes;
        set => _attributes = value;
    }

    [DataMember]
    public FormattedValueCollection FormattedValues
    {
        get => _formattedValues;
        set => _formattedValues = value;
    }

    [DataMember]
    public RelatedEntityCollection RelatedEntities
    {
        get => _relatedEntities;
        set => _relatedEntities = value;
    }

    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes;
        set => _keyAttributes = value;
    }

    [DataMember]
    public EntityState? EntityState { get; set; }

    [DataMember]
    public string RowVersion { get; set; }

    public bool HasLazyFileAttribute { get; set; }

    public string LazyFileAttributeKey { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    public string LazyFileSizeAttributeKey { get; set; }

    public int LazyFileSizeAttributeValue { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>The attribute value; throws KeyNotFoundException when the attribute is not in the collection.</summary>
    public object this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    /// <summary>
    /// The value cast to <typeparamref name="T"/>, or default(T) when the attribute is missing or null
    /// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.entity.getattributevalue). A present value of another
    /// type throws InvalidCastException.
    /// </summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        object value = ValueOrNull(attributeLogicalName);
        return value == null ? default : (T)value;
    }

    /// <summary>
    /// True with the value when the attribute holds a non-null <typeparamref name="T"/> (or a value the type's
    /// TypeConverter converts); false with default(T) otherwise. Never throws for a missing or mistyped value.
    /// </summary>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        try
        {
            object value = ValueOrNull(attributeKey);
            if (value is T typed)
            {
                result = typed;
                return true;
            }

            if (value != null)
            {
                result = (T)TypeDescriptor.GetConverter(typeof(T)).ConvertFrom(value);
                return true;
            }
        }
        catch (Exception)
        {
            // Not convertible (or no name): reported as "no value", like the official SDK.
        }

        result = default;
        return false;
    }

    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        Attributes[attributeLogicalName] = value;
    }

    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        return FormattedValues.TryGetValue(attributeLogicalName, out string value) ? value : null;
    }

    protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole) where TEntity : Entity
    {
        return RelatedEntities.TryGetValue(RelationshipKey(relationshipSchemaName, primaryEntityRole), out EntityCollection related)
            ? (TEntity)related.Entities.FirstOrDefault()
            : null;
    }

    protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity) where TEntity : Entity
    {
        SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
    }

    protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole) where TEntity : Entity
    {
        return RelatedEntities.TryGetValue(RelationshipKey(relationshipSchemaName, primaryEntityRole), out EntityCollection related)
            ? related.Entities.Cast<TEntity>()
            : null;
    }

    protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities) where TEntity : Entity
    {
        Relationship key = RelationshipKey(relationshipSchemaName, primaryEntityRole);
        if (entities == null)
        {
            RelatedEntities.Remove(key);
            return;
        }

        List<Entity> list = entities.Cast<Entity>().ToList();
        if (list.Any(entity => string.IsNullOrWhiteSpace(entity.LogicalName)))
        {
            throw new ArgumentException("An entity is missing a value for the 'LogicalName' property.", nameof(entities));
        }

        RelatedEntities[key] = new EntityCollection(list) { EntityName = list.FirstOrDefault()?.LogicalName };
    }

    /// <summary>A reference to this record: logical name, id and row version (as the official SDK builds it).</summary>
    public EntityReference ToEntityReference()
    {
        return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
    }

    /// <summary>
    /// This record as <typeparamref name="T"/>: a shallow copy (the collections are shared) into a new instance.
    /// An early-bound type must carry an EntityLogicalNameAttribute matching <see cref="LogicalName"/>.
    /// </summary>
    public T ToEntity<T>() where T : Entity
    {
        if (typeof(T) == typeof(Entity))
        {
            var plain = new Entity();
            ShallowCopyTo(plain);
            return (T)plain;
        }

        if (string.IsNullOrWhiteSpace(LogicalName))
        {
            throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
        }

        var attribute = (EntityLogicalNameAttribute)Attribute.GetCustomAttribute(typeof(T), typeof(EntityLogicalNameAttribute), true);
        if (attribute == null || string.IsNullOrWhiteSpace(attribute.LogicalName))
        {
            throw new NotSupportedException("Cannot convert to type that is does not have EntityLogicalNameAttribute");
        }

        if (LogicalName != attribute.LogicalName)
        {
            throw new NotSupportedException("Cannot convert entity " + LogicalName + " to " + attribute.LogicalName);
        }

        var typed = (T)Activator.CreateInstance(typeof(T));
        ShallowCopyTo(typed);
        return typed;
    }

    private void ShallowCopyTo(Entity target)
    {
        if (target == null || ReferenceEquals(target, this))
        {
            return;
        }

        target.LogicalName = LogicalName;
        target.Id = Id;
        target.Attributes = Attributes;
        target.FormattedValues = FormattedValues;
        target.RelatedEntities = RelatedEntities;
        target.KeyAttributes = KeyAttributes;
        target.EntityState = EntityState;
        target.RowVersion = RowVersion;
        target.ExtensionData = ExtensionData;
    }

    private object ValueOrNull(string attributeLogicalName)
    {
        RequireName(attributeLogicalName, nameof(attributeLogicalName));
        return Attributes.TryGetValue(attributeLogicalName, out object value) ? value : null;
    }

    private static Relationship RelationshipKey(string relationshipSchemaName, EntityRole? primaryEntityRole)
    {
        RequireName(relationshipSchemaName, nameof(relationshipSchemaName));
        return new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
    }

    private static void RequireName(string name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentNullException(parameterName);
        }
    }
}
