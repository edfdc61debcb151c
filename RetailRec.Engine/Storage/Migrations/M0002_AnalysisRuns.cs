using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RetailRec.Engine.Storage.Migrations;

/// <summary>Stored analysis runs and their artifacts (hand-written; see M0001_Initial for why).</summary>
[DbContext(typeof(RetailRecDbContext))]
[Migration("20261122000002_AnalysisRuns")]
public sealed class M0002_AnalysisRuns : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("analysis_runs", t => new
        {
            Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            DatasetId = t.Column<int>(type: "INTEGER", nullable: false),
            Kind = t.Column<string>(type: "TEXT", nullable: false),
            Label = t.Column<string>(type: "TEXT", nullable: false),
            JobId = t.Column<int>(type: "INTEGER", nullable: true),
            CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            ParametersJson = t.Column<string>(type: "TEXT", nullable: false),
            SummaryJson = t.Column<string>(type: "TEXT", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_analysis_runs", x => x.Id);
            t.ForeignKey("FK_analysis_runs_datasets_DatasetId", x => x.DatasetId, "datasets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_analysis_runs_DatasetId_Kind", "analysis_runs", ["DatasetId", "Kind"]);

        m.CreateTable("analysis_artifacts", t => new
        {
            Id = t.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
            RunId = t.Column<int>(type: "INTEGER", nullable: false),
            Name = t.Column<string>(type: "TEXT", nullable: false),
            ContentJson = t.Column<string>(type: "TEXT", nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_analysis_artifacts", x => x.Id);
            t.ForeignKey("FK_analysis_artifacts_analysis_runs_RunId", x => x.RunId, "analysis_runs", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_analysis_artifacts_RunId_Name", "analysis_artifacts", ["RunId", "Name"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("analysis_artifacts");
        m.DropTable("analysis_runs");
    }
}
