using System.Reflection;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// Writes a reflected type or member in the notation of official-sdk-api.txt (see its header): `N = generic arity,
/// !N = generic parameter by position, &amp; = by-ref, "out" for out parameters, one line per property accessor.
/// </summary>
internal static class ApiNotation
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return "!" + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!) + "&";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        return type.GetGenericTypeDefinition().FullName + "[" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + "]";
    }

    /// <summary>The name in a "type" line: the definition's full name, without arguments.</summary>
    public static string DeclaredTypeName(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition().FullName! : type.FullName!;

    public static string Kind(Type type)
    {
        if (type.IsInterface)
        {
            return "interface";
        }

        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.IsValueType)
        {
            return "struct";
        }

        return type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";
    }

    public static string BaseTypeName(Type type) => type.BaseType == null ? "-" : TypeName(type.BaseType);

    public static IReadOnlyCollection<string> InterfaceNames(Type type) => type.GetInterfaces().Select(TypeName).ToArray();

    /// <summary>Every public or protected member the type itself declares, one line each.</summary>
    public static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.Name + " = " + Convert.ToInt64(field.GetRawConstantValue());
            }

            yield break;
        }

        foreach (ConstructorInfo constructor in type.GetConstructors(Declared).Where(c => !c.IsStatic && IsVisible(c)))
        {
            yield return ".ctor(" + Parameters(constructor) + ")";
        }

        foreach (MethodInfo method in type.GetMethods(Declared).Where(m => !m.IsSpecialName && IsVisible(m)))
        {
            string name = method.IsGenericMethodDefinition ? method.Name + "`" + method.GetGenericArguments().Length : method.Name;
            yield return Modifiers(method) + TypeName(method.ReturnType) + " " + name + "(" + Parameters(method) + ")";
        }

        foreach (PropertyInfo property in type.GetProperties(Declared))
        {
            string prefix = "property " + TypeName(property.PropertyType) + " " + property.Name
                + "[" + string.Join(",", property.GetIndexParameters().Select(p => TypeName(p.ParameterType))) + "] ";
            if (property.GetMethod != null && IsVisible(property.GetMethod))
            {
                yield return prefix + "get";
            }

            if (property.SetMethod != null && IsVisible(property.SetMethod))
            {
                yield return prefix + "set";
            }
        }

        foreach (FieldInfo field in type.GetFields(Declared).Where(f => !f.IsSpecialName && (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly)))
        {
            yield return "field " + TypeName(field.FieldType) + " " + field.Name;
        }

        foreach (EventInfo @event in type.GetEvents(Declared).Where(e => e.AddMethod != null && IsVisible(e.AddMethod)))
        {
            yield return "event " + TypeName(@event.EventHandlerType!) + " " + @event.Name;
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        return method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty;
    }

    private static string Parameters(MethodBase method) =>
        string.Join(",", method.GetParameters().Select(p => (p.IsOut ? "out " : string.Empty) + TypeName(p.ParameterType)));
}
