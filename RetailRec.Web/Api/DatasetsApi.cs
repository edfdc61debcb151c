using System.Text.Json;
using RetailRec.Engine.Storage;
using RetailRec.Engine.Datasets.Ingestion;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Datasets;
using RetailRec.Engine.Datasets.Uploads;

namespace RetailRec.Web.Api;

/// <summary>Datasets over HTTP: upload (multipart, runs as an import job), list, rename, activate, delete.</summary>
public static class DatasetsApi
{
    public sealed record DatasetDto(int Id, string Name, string SourceFileName, bool IsActive, bool IsDemo, long LinesRead, long RowsImported,
        int Customers, int Items, int Invoices, DateTime? FirstInvoiceAt, DateTime? LastInvoiceAt, double Revenue, double ReturnRate, DateTime ImportedAtUtc)
    {
        public static DatasetDto From(DatasetEntity d) => new(d.Id, d.Name, d.SourceFileName, d.IsActive, d.IsDemo, d.LinesRead, d.RowsImported,
            d.Customers, d.Items, d.Invoices, d.FirstInvoiceAt, d.LastInvoiceAt, d.Revenue, d.ReturnRate, d.ImportedAtUtc);
    }

    public sealed record RenameRequest(string Name);

    public static void MapDatasetsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/datasets").WithTags("Datasets");
        g.MapGet("/", async (DatasetService s) => (await s.ListAsync()).Select(DatasetDto.From));
        g.MapGet("/{id:int}", async (DatasetService s, int id) =>
            await s.GetAsync(id) is { } d ? Results.Ok(DatasetDto.From(d)) : NotFound(id));
        g.MapGet("/{id:int}/report", async (DatasetService s, int id) =>
            await s.GetAsync(id) is { } d ? Results.Text(d.ReportJson, "application/json") : NotFound(id));
        g.MapPost("/", UploadAsync).DisableAntiforgery();
        g.MapPost("/{id:int}/activate", async (DatasetService s, int id) => await s.SetActiveAsync(id) ? Results.NoContent() : NotFound(id));
        g.MapPut("/{id:int}/name", async (DatasetService s, int id, RenameRequest body) =>
        {
            try { return await s.RenameAsync(id, body.Name ?? "") ? Results.NoContent() : NotFound(id); }
            catch (ArgumentException ex) { return Results.Problem(statusCode: 400, title: ex.Message); }
        });
        g.MapDelete("/{id:int}", async (DatasetDeletion deletion, int id) =>
        {
            try { return await deletion.DeleteAsync(id) ? Results.NoContent() : NotFound(id); }
            catch (InvalidOperationException ex) { return Results.Problem(statusCode: 409, title: ex.Message); }
        });
    }

    private static IResult NotFound(int id) => Results.Problem(statusCode: 404, title: $"Dataset {id} not found");

    /// <summary>
    /// multipart/form-data: "file" (required), "name" (optional), "mapping" (optional JSON ColumnMapping for headers
    /// that are not Online Retail ones), "wait" (optional "true": answer when the import job has finished).
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, DatasetUploads uploads, JobService jobs, UploadLimits limits, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Results.Problem(statusCode: 400, title: "Send the file as multipart/form-data with a field named \"file\".");
        // Refuse an announced oversize body before reading it (the multipart envelope adds a little to the file).
        if (request.ContentLength > limits.MaxBytes + UploadLimits.EnvelopeBytes) return Results.Problem(statusCode: 413, title: UploadProblems.TooLarge(limits));
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: 413, title: UploadProblems.TooLarge(limits));
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: 413, title: UploadProblems.TooLarge(limits)); // the form reader's own limit
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or BadHttpRequestException or FormatException)
        {
            return Results.Problem(statusCode: 400, title: UploadProblems.Malformed);
        }
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return Results.Problem(statusCode: 400, title: "No file in the request (expected a form field named \"file\").");
        if (uploads.Precheck(file.FileName, file.Length) is { } problem)
            return Results.Problem(statusCode: file.Length > uploads.MaxBytes ? 413 : 400, title: problem);

        ColumnMapping? mapping = null;
        if (form.TryGetValue("mapping", out var mappingJson) && !string.IsNullOrWhiteSpace(mappingJson))
        {
            try { mapping = JsonSerializer.Deserialize<ColumnMapping>(mappingJson.ToString(), JsonSerializerOptions.Web); }
            catch (JsonException) { return Results.Problem(statusCode: 400, title: "\"mapping\" is not valid JSON for a column mapping."); }
        }

        SavedUpload upload;
        int jobId;
        try
        {
            await using var stream = file.OpenReadStream();
            upload = await uploads.SaveAsync(stream, file.FileName, null, ct);
        }
        catch (ImportRejectedException ex)
        {
            return Results.Problem(statusCode: 400, title: ex.Message, extensions: new Dictionary<string, object?> { ["reason"] = ex.Kind.ToString() });
        }
        try
        {
            jobId = await uploads.ImportAsync(upload, mapping, form["name"].ToString(), ct: ct);
        }
        catch (MappingRequiredException ex)
        {
            DatasetUploads.Delete(upload.Path);
            return Results.Problem(statusCode: 400, title: ex.Message,
                extensions: new Dictionary<string, object?> { ["columns"] = ex.Inspection.Columns, ["missing"] = ex.Missing.Select(m => m.ToString()) });
        }

        if (!string.Equals(form["wait"], "true", StringComparison.OrdinalIgnoreCase))
            return Results.Accepted($"/api/jobs/{jobId}", new { jobId });

        var job = await JobsApi.WaitForAsync(jobs, jobId, ct);
        return job.State == JobState.Succeeded && DatasetUploads.ReadResult(job) is { } result
            ? Results.Ok(new { jobId, result.DatasetId, result.AlreadyImported, result.Message, result.Report })
            : Results.Problem(statusCode: 422, title: job.Error ?? $"The import ended as {job.State}.", extensions: new Dictionary<string, object?> { ["jobId"] = jobId });
    }
}
