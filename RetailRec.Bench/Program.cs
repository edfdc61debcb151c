using System.Reflection;
using RetailRec.Bench;

// Usage: dotnet run -c Release --project RetailRec.Bench -- [suite ...|all] [--reps N] [--data PATH]
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name)
    .ToList();

var names = args.TakeWhile(a => !a.StartsWith("--")).ToList();
var reps = Options.Int(args, "--reps", 5);
var data = Options.Str(args, "--data", BenchPaths.DefaultDataset());

if (names.Count == 0)
{
    Console.WriteLine("usage: dotnet run -c Release --project RetailRec.Bench -- <suite ...|all> [--reps N] [--data PATH]");
    foreach (var s in suites) Console.WriteLine($"  {s.Name,-14} {s.Description}");
    return 1;
}

var chosen = names.Contains("all") ? suites : suites.Where(s => names.Contains(s.Name)).ToList();
var unknown = names.Where(n => n != "all" && suites.All(s => s.Name != n)).ToList();
if (unknown.Count > 0) { Console.Error.WriteLine("unknown suite(s): " + string.Join(", ", unknown)); return 2; }

var context = new BenchContext(data, reps, args);
foreach (var suite in chosen)
{
    Console.WriteLine($"== {suite.Name}: {suite.Description}");
    await suite.RunAsync(context);
    Console.WriteLine();
}
return 0;
