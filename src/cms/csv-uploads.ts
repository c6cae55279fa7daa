/**
 * CSV exports uploaded by editors. The CSV files themselves go to
 * content/registrations/, which the registry reads in full on every build; this
 * small log (content/csv-uploads.json) is the CMS entry the file widget belongs
 * to, and tells the next editor what each file is.
 */
import { z } from 'zod';
import { slugSchema } from '../domain/commune.ts';

/** Where uploads land, relative to the repository; the registry reads every .csv here. */
export const REGISTRATIONS_FOLDER = 'content/registrations';
/** The log entry the CMS keeps beside the uploads. */
export const CSV_UPLOADS_FILE = 'content/csv-uploads.json';

/** A CSV file name; the file widget checks the name only (Decap validates the basename). */
export const CSV_NAME_PATTERN = /\.[cC][sS][vV]$/;
/** A CSV file in that folder as the file widget saves it. */
export const CSV_FILE_PATTERN = new RegExp(
  `^\\/?content\\/registrations\\/[^/]+${CSV_NAME_PATTERN.source}`,
);

export const csvUploadSchema = z.object({
  /** The uploaded file, as the CMS saves it: "/content/registrations/thon-1-2027-06.csv". */
  file: z.string().regex(CSV_FILE_PATTERN, 'Tệp phải là tệp .csv trong content/registrations/'),
  /** The commune the export covers; blank for a district-wide export. */
  commune: z.union([slugSchema, z.literal('')]).optional(),
  /** What the file is, in the editor's words. */
  note: z.string().optional(),
});

export const csvUploadsSchema = z.object({
  /** Every upload, newest first. */
  uploads: z.array(csvUploadSchema).default([]),
});

export type CsvUploads = z.infer<typeof csvUploadsSchema>;
