using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RetailRec.Tests.Architecture;

/// <summary>
/// Which namespaces each namespace of a compiled assembly refers to: signatures, base types, attributes and every
/// type, method and field an IL instruction names. Compiler-generated nested types (lambdas, async state machines)
/// count for the type that declares them.
/// </summary>
public static class TypeReferenceGraph
{
    public static Dictionary<string, HashSet<string>> Build(string assemblyPath, Func<string, string?> groupOf)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in module.GetTypes())
        {
            if (groupOf(NamespaceOf(type)) is not { } from) continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var referenced in References(type))
                if (groupOf(NamespaceOf(referenced)) is { } to && to != from) edges.Add(to);
        }
        return graph;
    }

    /// <summary>The strongly connected groups of more than one node: each is a cycle.</summary>
    public static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new List<List<string>>();
        foreach (var node in graph.Keys)
        {
            var reach = Reachable(graph, node);
            var group = reach.Where(other => other != node && Reachable(graph, other).Contains(node)).Append(node).Order().ToList();
            if (group.Count > 1 && !cycles.Any(c => c.SequenceEqual(group))) cycles.Add(group);
        }
        return cycles;
    }

    private static HashSet<string> Reachable(Dictionary<string, HashSet<string>> graph, string start)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([start]);
        while (stack.Count > 0)
            foreach (var next in graph.GetValueOrDefault(stack.Pop()) ?? [])
                if (seen.Add(next)) stack.Push(next);
        return seen;
    }

    private static string NamespaceOf(TypeReference? type)
    {
        while (type is { IsNested: true, DeclaringType: not null }) type = type.DeclaringType;
        return type?.Namespace ?? "";
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        if (type.BaseType is { } b) foreach (var t in Expand(b)) yield return t;
        foreach (var i in type.Interfaces) foreach (var t in Expand(i.InterfaceType)) yield return t;
        foreach (var a in type.CustomAttributes) yield return a.AttributeType;
        foreach (var f in type.Fields) foreach (var t in Expand(f.FieldType)) yield return t;
        foreach (var p in type.Properties) foreach (var t in Expand(p.PropertyType)) yield return t;
        foreach (var m in type.Methods)
        {
            foreach (var t in Expand(m.ReturnType)) yield return t;
            foreach (var p in m.Parameters) foreach (var t in Expand(p.ParameterType)) yield return t;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) foreach (var t in Expand(v.VariableType)) yield return t;
            foreach (var instruction in m.Body.Instructions)
                foreach (var t in OperandTypes(instruction)) yield return t;
        }
    }

    private static IEnumerable<TypeReference> OperandTypes(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    /// <summary>A type and the types inside it: generic arguments, array and by-ref element types.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case GenericInstanceType g:
                yield return g.ElementType;
                foreach (var a in g.GenericArguments) foreach (var t in Expand(a)) yield return t;
                break;
            case TypeSpecification s:
                foreach (var t in Expand(s.ElementType)) yield return t;
                break;
            case null or GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
