// Jest stand-in for office-addin-manifest (docs/office.md §4.1): office-addin-mock needs only its OfficeApp enum,
// and the real package pulls in ESM-only modules (uuid 14, strip-bom) that Jest cannot load.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
