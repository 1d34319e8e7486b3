using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// Reads an assembly that cannot be loaded (a .NET Framework reference assembly) with System.Reflection.Metadata and
/// writes its public types' members in the same notation as <see cref="ApiNotation"/>.
/// </summary>
internal static class MetadataApiNotation
{
    public static IReadOnlyDictionary<string, HashSet<string>> PublicMembersByType(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var provider = new NotationProvider();
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
            {
                continue;
            }

            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                string name = reader.GetString(method.Name);
                if (!IsVisible(method.Attributes) || name == ".cctor" || ((method.Attributes & MethodAttributes.SpecialName) != 0 && name != ".ctor"))
                {
                    continue;
                }

                MethodSignature<string> signature = method.DecodeSignature(provider, null);
                string parameters = Parameters(reader, method, signature.ParameterTypes);
                int arity = method.GetGenericParameters().Count;
                members.Add(name == ".ctor"
                    ? ".ctor(" + parameters + ")"
                    : Modifiers(method.Attributes) + signature.ReturnType + " " + name + (arity > 0 ? "`" + arity : string.Empty) + "(" + parameters + ")");
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = reader.GetPropertyDefinition(propertyHandle);
                MethodSignature<string> signature = property.DecodeSignature(provider, null);
                string prefix = "property " + signature.ReturnType + " " + reader.GetString(property.Name) + "[" + string.Join(",", signature.ParameterTypes) + "] ";
                PropertyAccessors accessors = property.GetAccessors();
                if (!accessors.Getter.IsNil && IsVisible(reader.GetMethodDefinition(accessors.Getter).Attributes))
                {
                    members.Add(prefix + "get");
                }

                if (!accessors.Setter.IsNil && IsVisible(reader.GetMethodDefinition(accessors.Setter).Attributes))
                {
                    members.Add(prefix + "set");
                }
            }

            bool isEnum = !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeReference
                && provider.GetTypeFromReference(reader, (TypeReferenceHandle)type.BaseType, 0) == "System.Enum";
            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                if (!isEnum)
                {
                    break;
                }

                FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                if ((field.Attributes & FieldAttributes.Literal) != 0)
                {
                    members.Add(reader.GetString(field.Name) + " = " + EnumValue(reader, reader.GetConstant(field.GetDefaultValue())));
                }
            }

            string ns = reader.GetString(type.Namespace);
            result[(ns.Length == 0 ? string.Empty : ns + ".") + reader.GetString(type.Name)] = members;
        }

        return result;
    }

    private static long EnumValue(MetadataReader reader, Constant constant)
    {
        BlobReader blob = reader.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.Byte => blob.ReadByte(),
            ConstantTypeCode.SByte => blob.ReadSByte(),
            ConstantTypeCode.Int16 => blob.ReadInt16(),
            ConstantTypeCode.UInt16 => blob.ReadUInt16(),
            ConstantTypeCode.UInt32 => blob.ReadUInt32(),
            ConstantTypeCode.Int64 => blob.ReadInt64(),
            _ => blob.ReadInt32(),
        };
    }

    private static bool IsVisible(MethodAttributes attributes)
    {
        MethodAttributes access = attributes & MethodAttributes.MemberAccessMask;
        return access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem;
    }

    private static string Modifiers(MethodAttributes attributes)
    {
        if ((attributes & MethodAttributes.Static) != 0)
        {
            return "static ";
        }

        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            return "abstract ";
        }

        return (attributes & MethodAttributes.Virtual) != 0 && (attributes & MethodAttributes.Final) == 0 ? "virtual " : string.Empty;
    }

    private static string Parameters(MetadataReader reader, MethodDefinition method, ImmutableArray<string> types)
    {
        var isOut = new bool[types.Length];
        foreach (ParameterHandle handle in method.GetParameters())
        {
            Parameter parameter = reader.GetParameter(handle);
            if (parameter.SequenceNumber > 0 && parameter.SequenceNumber <= types.Length)
            {
                isOut[parameter.SequenceNumber - 1] = (parameter.Attributes & ParameterAttributes.Out) != 0;
            }
        }

        return string.Join(",", types.Select((type, i) => (isOut[i] ? "out " : string.Empty) + type));
    }

    /// <summary>Type names in the listing's notation: full names, `N arity with [args], !N generic parameters, [] and &amp;.</summary>
    private sealed class NotationProvider : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            return Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            return Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "[" + string.Join(",", typeArguments) + "]";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!" + index;

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }
}
