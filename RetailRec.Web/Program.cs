using RetailRec.Web;
using RetailRec.Web.Api;
using RetailRec.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddRetailRecStorage();
builder.AddRetailRecWeb();

var app = builder.Build();

await app.InitializeRetailRecAsync();

app.UseRetailRecPipeline();
app.MapRetailRecApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
