namespace RetailRec.Web.Api;

/// <summary>The upload-related problem texts, shared by the upload endpoint and the exception handler.</summary>
public static class UploadProblems
{
    public static string TooLarge(UploadLimits limits) =>
        $"The file is too large: the upload limit is {limits.MaxBytes / 1048576} MB (setting RetailRec:Import:MaxUploadMegabytes).";

    public const string Malformed =
        "The upload is not a well-formed multipart/form-data request (check the boundary and the Content-Disposition of the \"file\" part).";
}
