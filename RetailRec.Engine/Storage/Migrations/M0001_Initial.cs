using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RetailRec.Engine.Storage.Migrations;

/// <summary>
/// Hand-written migration: EF's design-time package (and so `dotnet ef migrations add`) cannot be restored from this
/// registry (docs/decisions/001-hand-written-migrations.md). MigrationSchemaTests proves the migrated schema matches
/// the EF model, which is what a generated snapshot would otherwise guarantee.
/// </summary>
[DbContext(typeof(RetailRecDbContext))]
[Migration("20261122000001_Initial")]
public sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("datasets", t => new
        {
            Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            Name = t.Column<string>(type: "TEXT", nullable: false),
            SourceFileName = t.Column<string>(type: "TEXT", nullable: false),
            ContentHash = t.Column<string>(type: "TEXT", nullable: false),
            ImportedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            IsActive = t.Column<bool>(type: "INTEGER", nullable: false),
            IsDemo = t.Column<bool>(type: "INTEGER", nullable: false),
            LinesRead = t.Column<long>(type: "INTEGER", nullable: false),
            RowsImported = t.Column<long>(type: "INTEGER", nullable: false),
            Customers = t.Column<int>(type: "INTEGER", nullable: false),
            Items = t.Column<int>(type: "INTEGER", nullable: false),
            Invoices = t.Column<int>(type: "INTEGER", nullable: false),
            FirstInvoiceAt = t.Column<DateTime>(type: "TEXT", nullable: true),
            LastInvoiceAt = t.Column<DateTime>(type: "TEXT", nullable: true),
            Revenue = t.Column<double>(type: "REAL", nullable: false),
            ReturnRate = t.Column<double>(type: "REAL", nullable: false),
            ReportJson = t.Column<string>(type: "TEXT", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_datasets", x => x.Id));
        m.CreateIndex("IX_datasets_ContentHash", "datasets", "ContentHash");

        m.CreateTable("transactions", t => new
        {
            Id = t.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            DatasetId = t.Column<int>(type: "INTEGER", nullable: false),
            LineNumber = t.Column<long>(type: "INTEGER", nullable: false),
            Invoice = t.Column<string>(type: "TEXT", nullable: false),
            StockCode = t.Column<string>(type: "TEXT", nullable: false),
            Description = t.Column<string>(type: "TEXT", nullable: false),
            Quantity = t.Column<int>(type: "INTEGER", nullable: false),
            InvoiceDate = t.Column<DateTime>(type: "TEXT", nullable: false),
            Price = t.Column<double>(type: "REAL", nullable: false),
            CustomerId = t.Column<string>(type: "TEXT", nullable: true),
            Country = t.Column<string>(type: "TEXT", nullable: false),
            Flags = t.Column<int>(type: "INTEGER", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_transactions", x => x.Id);
            t.ForeignKey("FK_transactions_datasets_DatasetId", x => x.DatasetId, "datasets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_transactions_DatasetId", "transactions", "DatasetId");

        m.CreateTable("jobs", t => new
        {
            Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            Kind = t.Column<string>(type: "TEXT", nullable: false),
            Title = t.Column<string>(type: "TEXT", nullable: false),
            ParametersJson = t.Column<string>(type: "TEXT", nullable: false),
            DatasetId = t.Column<int>(type: "INTEGER", nullable: true),
            State = t.Column<string>(type: "TEXT", nullable: false),
            Progress = t.Column<double>(type: "REAL", nullable: false),
            Step = t.Column<string>(type: "TEXT", nullable: false),
            CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            StartedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
            FinishedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
            Error = t.Column<string>(type: "TEXT", nullable: true),
            Log = t.Column<string>(type: "TEXT", nullable: false),
            ResultJson = t.Column<string>(type: "TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_jobs", x => x.Id));
        m.CreateIndex("IX_jobs_State", "jobs", "State");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("transactions");
        m.DropTable("jobs");
        m.DropTable("datasets");
    }
}
