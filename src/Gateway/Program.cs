using Bandit.Gateway;

// A gateway on its own: an Orleans client in front of a cluster that already runs.
var builder = WebApplication.CreateBuilder(args);
builder.UseBanditClusterClient();
builder.Services.AddBanditGateway(builder.Configuration);

var app = builder.Build();
app.MapBanditGateway();
app.Run();
