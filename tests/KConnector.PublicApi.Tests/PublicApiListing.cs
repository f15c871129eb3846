using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace KConnector.PublicApi.Tests;

/// <summary>
/// Lists what an assembly offers its users, one line per public type and one per public or
/// protected member, in a stable order (types by full name, members by their line): the text a
/// snapshot of the public API holds. Compiler-generated members (a record's <c>&lt;Clone&gt;$</c>)
/// and accessors (shown on their property or event) are left out.
/// </summary>
internal static class PublicApiListing
{
    private const BindingFlags Declared =
        BindingFlags.Public
        | BindingFlags.NonPublic
        | BindingFlags.Instance
        | BindingFlags.Static
        | BindingFlags.DeclaredOnly;

    /// <summary>The listing of <paramref name="assembly"/>.</summary>
    public static string Of(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (
            var type in assembly
                .GetExportedTypes()
                .OrderBy(t => TypeNames.Of(t), StringComparer.Ordinal)
        )
        {
            text.Append(Header(type)).Append('\n');
            foreach (var line in Members(type, nullability).Order(StringComparer.Ordinal))
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Header(Type type)
    {
        var kind = Kind(type);
        var bases = new List<string>();
        if (
            type.BaseType is { } baseType
            && baseType != typeof(object)
            && baseType != typeof(ValueType)
            && baseType != typeof(Enum)
            && baseType != typeof(MulticastDelegate)
        )
        {
            bases.Add(TypeNames.Of(baseType));
        }
        if (!type.IsEnum && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.AddRange(type.GetInterfaces().Select(TypeNames.Of).Order(StringComparer.Ordinal));
        }
        return kind
            + " "
            + TypeNames.Of(type)
            + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "")
            + Constraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []);
    }

    private static string Kind(Type type)
    {
        if (type.IsEnum)
        {
            return "enum";
        }
        if (type.IsInterface)
        {
            return "interface";
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return "delegate";
        }
        // A record has the compiler's clone method; its kind is part of its contract (with, equality).
        var record = type.GetMethod("<Clone>$") is not null ? "record " : "";
        if (type.IsValueType)
        {
            return (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "") + "struct";
        }
        if (type.IsAbstract && type.IsSealed)
        {
            return "static class";
        }
        return (
                type.IsAbstract ? "abstract "
                : type.IsSealed ? "sealed "
                : ""
            ) + (record.Length > 0 ? "record" : "class");
    }

    private static IEnumerable<string> Members(Type type, NullabilityInfoContext nullability)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.Name
                    + " = "
                    + Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture);
            }
            yield break;
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield return Method(type.GetMethod("Invoke")!, nullability, inInterface: true);
            yield break;
        }
        foreach (var member in type.GetMembers(Declared))
        {
            if (member.Name.StartsWith('<') || !IsVisible(member))
            {
                continue;
            }
            switch (member)
            {
                case ConstructorInfo constructor:
                    yield return Access(constructor)
                        + (constructor.IsStatic ? "static " : "")
                        + TypeNames.Plain(type)
                        + "("
                        + Parameters(constructor.GetParameters(), nullability, false)
                        + ")";
                    break;
                case MethodInfo method
                    when !method.IsSpecialName
                        || method.Name.StartsWith("op_", StringComparison.Ordinal):
                    yield return Method(method, nullability, type.IsInterface);
                    break;
                case PropertyInfo property:
                    yield return Property(property, nullability, type.IsInterface);
                    break;
                case FieldInfo field:
                    yield return Field(field, nullability);
                    break;
                case EventInfo @event:
                    yield return Access(@event.AddMethod!)
                        + "event "
                        + TypeNames.Of(@event.EventHandlerType!, nullability.Create(@event))
                        + " "
                        + @event.Name;
                    break;
            }
        }
    }

    private static bool IsVisible(MemberInfo member) =>
        member switch
        {
            MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
            FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
            PropertyInfo property => property
                .GetAccessors(nonPublic: true)
                .Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
            EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
            _ => false,
        };

    private static string Access(MethodBase method) =>
        method.IsPublic ? "public "
        : method.IsFamilyOrAssembly ? "protected internal "
        : "protected ";

    private static string Modifiers(MethodInfo method, bool inInterface)
    {
        if (method.IsStatic)
        {
            return method.IsAbstract ? "static abstract " : "static ";
        }
        if (inInterface)
        {
            return "";
        }
        if (method.IsAbstract)
        {
            return "abstract ";
        }
        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }
        return method.IsVirtual && method.GetBaseDefinition() != method ? "sealed override " : "";
    }

    private static string Method(
        MethodInfo method,
        NullabilityInfoContext nullability,
        bool inInterface
    )
    {
        var generic = method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(TypeNames.Of)) + ">"
            : "";
        return Access(method)
            + Modifiers(method, inInterface)
            + TypeNames.Of(method.ReturnType, nullability.Create(method.ReturnParameter))
            + " "
            + method.Name
            + generic
            + "("
            + Parameters(
                method.GetParameters(),
                nullability,
                method.IsDefined(typeof(ExtensionAttribute))
            )
            + ")"
            + Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : []);
    }

    private static string Property(
        PropertyInfo property,
        NullabilityInfoContext nullability,
        bool inInterface
    )
    {
        var accessors = property
            .GetAccessors(nonPublic: true)
            .Where(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly)
            .ToList();
        var first = accessors[0];
        var parts = new List<string>();
        if (property.GetMethod is { } getter && accessors.Contains(getter))
        {
            parts.Add("get;");
        }
        if (property.SetMethod is { } setter && accessors.Contains(setter))
        {
            var init = setter
                .ReturnParameter.GetRequiredCustomModifiers()
                .Contains(typeof(IsExternalInit));
            parts.Add(init ? "init;" : "set;");
        }
        var indexes = property.GetIndexParameters();
        var name =
            indexes.Length > 0
                ? "this[" + Parameters(indexes, nullability, false) + "]"
                : property.Name;
        var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : "";
        return Access(first)
            + Modifiers(first, inInterface)
            + required
            + TypeNames.Of(property.PropertyType, nullability.Create(property))
            + " "
            + name
            + " { "
            + string.Join(" ", parts)
            + " }";
    }

    private static string Field(FieldInfo field, NullabilityInfoContext nullability)
    {
        var modifiers =
            field.IsLiteral ? "const "
            : field.IsStatic && field.IsInitOnly ? "static readonly "
            : field.IsStatic ? "static "
            : field.IsInitOnly ? "readonly "
            : "";
        var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
        return (field.IsPublic ? "public " : "protected ")
            + modifiers
            + TypeNames.Of(field.FieldType, nullability.Create(field))
            + " "
            + field.Name
            + value;
    }

    private static string Parameters(
        ParameterInfo[] parameters,
        NullabilityInfoContext nullability,
        bool extension
    ) =>
        string.Join(
            ", ",
            parameters.Select(
                (p, i) =>
                    (extension && i == 0 ? "this " : "")
                    + Passing(p)
                    + TypeNames.Of(p.ParameterType, nullability.Create(p))
                    + " "
                    + p.Name
                    + (p.HasDefaultValue ? " = " + Literal(p.RawDefaultValue) : "")
            )
        );

    private static string Passing(ParameterInfo parameter)
    {
        if (parameter.IsDefined(typeof(ParamArrayAttribute)))
        {
            return "params ";
        }
        if (!parameter.ParameterType.IsByRef)
        {
            return "";
        }
        if (parameter.IsOut)
        {
            return "out ";
        }
        return parameter.IsIn ? "in " : "ref ";
    }

    private static string Constraints(Type[] arguments)
    {
        var clauses = new List<string>();
        foreach (var argument in arguments)
        {
            var parts = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            if ((attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
            {
                parts.Add("struct");
            }
            else if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                parts.Add("class");
            }
            parts.AddRange(
                argument
                    .GetGenericParameterConstraints()
                    .Where(c => c != typeof(ValueType))
                    .Select(TypeNames.Of)
                    .Order(StringComparer.Ordinal)
            );
            if (
                (attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0
                && (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0
            )
            {
                parts.Add("new()");
            }
            if (parts.Count > 0)
            {
                clauses.Add(" where " + argument.Name + " : " + string.Join(", ", parts));
            }
        }
        return string.Concat(clauses);
    }

    private static string Literal(object? value) =>
        value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            char c => "'" + c + "'",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
        };
}
