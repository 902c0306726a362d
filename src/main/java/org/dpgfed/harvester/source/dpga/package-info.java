/**
 * The {@code dpga-json} format: records of the Digital Public Goods Alliance registry (per-file
 * JSON, v1 and v2 API shapes) mapped onto the shared vocabulary. Depends on the source package only.
 */
package org.dpgfed.harvester.source.dpga;
