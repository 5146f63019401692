using Bandit.Gateway;

// A gateway on its own: an Orleans client in front of a cluster that already runs.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.UseBanditClusterClient();
builder.Services.AddBanditGateway(builder.Configuration);

var app = builder.Build();
app.MapBanditGateway();
app.Run();
