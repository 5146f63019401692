using Bandit.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddBanditSilo();

var app = builder.Build();
app.MapBanditSilo();
app.Run();
