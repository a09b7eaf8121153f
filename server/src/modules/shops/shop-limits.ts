/** How many shops one merchant may have: the product is for the one-to-five-shop merchant. */
export const MAX_SHOPS = 5;
